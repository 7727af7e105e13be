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

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Fuzzing the command line's input handling: any bytes on stdin, to {@code render} or {@code
 * validate}, end in exit 0, 1, 2 or 3 (no BackupStore), with no stack trace and no half output
 * (render prints nothing on stdout unless it succeeds). Saved inputs run in {@code verify}; {@code
 * -Pfuzz} fuzzes.
 */
class CliInputFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void anyInputEndsInAnExitCode(FuzzedDataProvider data) {
    boolean render = data.consumeBoolean();
    byte[] input = data.consumeRemainingAsBytes();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        Main.run(
            new String[] {render ? "render" : "validate", "-"},
            new ByteArrayInputStream(input),
            new PrintWriter(out),
            new PrintWriter(err));

    assertThat(code).isBetween(0, 3);
    assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    if (render && code != 0) {
      assertThat(out.toString()).isEmpty();
    }
  }
}
