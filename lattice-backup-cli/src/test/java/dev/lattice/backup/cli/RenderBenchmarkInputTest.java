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

import org.junit.jupiter.api.Test;

/**
 * The benchmark's generated input stays valid: a rule that rejects part of it (as the credential
 * boundary once did) would otherwise only show when someone runs the benchmark.
 */
class RenderBenchmarkInputTest {
  @Test
  void benchmarkStoresRenderWithoutErrors() {
    Cli cli = Cli.withStdin(RenderBenchmark.stores(120), "render", "-");

    assertThat(cli.err()).doesNotContain("error");
    assertThat(cli.code()).isZero();
    assertThat(cli.out().split("(?m)^---$", -1)).hasSize(121);
  }
}
