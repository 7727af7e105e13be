/*
 * Copyright 2026 The lattice-backup authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.lattice.backup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.testing.fixtures.StoresYaml;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's generated input stays valid: a rule that rejects part of it (as the credential
 * boundary once did) would otherwise only show when someone runs the benchmark.
 */
class RenderBenchmarkInputTest {
  @Test
  void benchmarkStoresRenderWithoutErrors() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"render", "-"},
            new ByteArrayInputStream(StoresYaml.of(120).getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true));

    assertThat(err.toString()).doesNotContain("error");
    assertThat(code).isZero();
    assertThat(out.toString().split("(?m)^---$", -1)).hasSize(121);
  }
}
