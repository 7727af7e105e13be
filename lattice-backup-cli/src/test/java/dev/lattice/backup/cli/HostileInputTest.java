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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from a pull request may be hostile. Each case ends in exit 2 with a clear message (the java
 * -jar smoke test repeats the worst under -Xmx256m).
 */
class HostileInputTest {
  @TempDir Path dir;

  private Cli render(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return Cli.run("render", f.toString());
  }

  static String billionLaughs() {
    StringBuilder y = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      y.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      y.append("]\n");
    }
    return y.toString();
  }

  @Test
  void anAliasBombIsRefused() throws IOException {
    Cli r = render("bomb.yaml", billionLaughs());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("YAML aliases are not supported");
  }

  @Test
  void deepNestingIsRefused() throws IOException {
    Cli yaml = render("deep.yaml", "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    Cli json = render("deep.json", "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
    assertThat(yaml.code()).isEqualTo(2);
    assertThat(json.code()).isEqualTo(2);
    assertThat(yaml.err() + json.err()).contains("nesting");
  }

  @Test
  void aHugeScalarIsRefused() throws IOException {
    Cli r =
        render("huge.yaml", "kind: BackupStore\nmetadata:\n  name: " + "x".repeat(2 << 20) + "\n");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("longer than the limit");
  }

  @Test
  void binaryGarbageIsRefused() throws IOException {
    byte[] bytes = new byte[4096];
    new Random(42).nextBytes(bytes);
    Path f = dir.resolve("garbage.yaml");
    Files.write(f, bytes);
    Cli r = Cli.run("render", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("lattice-backup: ").doesNotContain("\tat ");
  }

  @Test
  void malformedYamlIsRefusedWithItsPosition() throws IOException {
    Cli r =
        render(
            "bad.yaml",
            "apiVersion: lattice.dev/v1alpha1\nkind: BackupStore\nmetadata:\n  name: x\n   bad: indent\n");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).matches("(?s)lattice-backup: .*bad\\.yaml:\\d+:\\d+: .*");
  }

  @Test
  void aFileOverTheSizeLimitIsNotRead() throws IOException {
    Path f = dir.resolve("big.yaml");
    try (var out = Files.newBufferedWriter(f)) {
      String line = "# " + "x".repeat(1000) + "\n";
      for (int i = 0; i < 70_000; i++) {
        out.write(line);
      }
    }
    Cli r = Cli.run("render", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("larger than the limit");
  }
}
