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
package dev.lattice.backup.fabric8.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.backup.fabric8.real.KubernetesVersions.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Kubernetes row is rendered from the records, and the check catches every lie. */
class KubernetesVersionsTest {
  private static final String ROW =
      "| Kubernetes | 1.34 (v1.34.4; v1.37.2 emulating 1.34), 1.35 (v1.37.2 emulating 1.35),"
          + " 1.37 (v1.37.2) |";

  @TempDir Path dir;
  Path readme;
  Path target;

  @BeforeEach
  void setUp() throws IOException {
    readme = dir.resolve("README.md");
    target = dir.resolve("target");
    Files.writeString(readme, "# x\n\n| | tested with |\n|---|---|\n" + ROW + "\n| Java | 17+ |\n");
    ran("default", "v1.37.2", "1.37", "failures=\"0\"");
    ran("kubernetes-1.34", "v1.34.4", "1.34", "failures=\"0\"");
    ran("emulating-1.34", "v1.37.2", "1.34", "failures=\"0\"");
    ran("emulating-1.35", "v1.37.2", "1.35", "failures=\"0\"");
  }

  private void ran(String execution, String gitVersion, String emulation, String failures)
      throws IOException {
    Path records = Files.createDirectories(target.resolve("kubernetes-versions"));
    Files.writeString(
        records.resolve(execution + ".json"),
        "{\"gitVersion\":\"" + gitVersion + "\",\"emulationVersion\":\"" + emulation + "\"}");
    Path reports =
        Files.createDirectories(
            target.resolve(
                execution.equals("default")
                    ? "failsafe-reports"
                    : "failsafe-reports-" + execution));
    for (String test : List.of("AIT", "BIT")) {
      Files.writeString(
          reports.resolve("TEST-dev.lattice.backup.fabric8.real." + test + ".xml"),
          "<?xml version=\"1.0\"?>\n<testsuite name=\"x\" time=\"1\" tests=\"3\" errors=\"0\""
              + " skipped=\"0\" "
              + failures
              + ">\n</testsuite>\n");
    }
  }

  private void check(String mode) throws IOException {
    KubernetesVersions.main(
        new String[] {
          mode,
          readme.toString(),
          target.toString(),
          "AIT,BIT",
          "default,kubernetes-1.34,emulating-1.34,emulating-1.35"
        });
  }

  @Test
  void theCellListsEachMinorOldestFirstWithRealBuildsBeforeEmulations() {
    assertThat(
            KubernetesVersions.cell(
                List.of(
                    new Server("v1.37.2", "1.37"),
                    new Server("v1.37.2", "1.36"),
                    new Server("v1.37.2", "1.34"),
                    new Server("v1.34.4", "1.34"))))
        .isEqualTo(
            "1.34 (v1.34.4; v1.37.2 emulating 1.34), 1.36 (v1.37.2 emulating 1.36), 1.37 (v1.37.2)");
  }

  @Test
  void aReadmeThatSaysWhatRanPasses() throws IOException {
    check("check");
  }

  @Test
  void aReadmeThatClaimsMoreFailsAndWriteCorrectsIt() throws IOException {
    Files.writeString(readme, Files.readString(readme).replace("1.35 (", "1.36 ("));
    assertThatThrownBy(() -> check("check"))
        .hasMessageContaining("not what the suite ran")
        .hasMessageContaining(ROW);
    check("write");
    assertThat(Files.readString(readme)).contains(ROW + "\n| Java | 17+ |\n");
    check("check");
  }

  @Test
  void aFailedSkippedOrMissingClassOrRecordFails() throws IOException {
    ran("emulating-1.35", "v1.37.2", "1.35", "failures=\"1\"");
    assertThatThrownBy(() -> check("check"))
        .hasMessageContaining("emulating-1.35: AIT did not pass in full");

    ran("emulating-1.35", "v1.37.2", "1.35", "failures=\"0\"");
    Path report =
        target.resolve(
            "failsafe-reports-emulating-1.35/TEST-dev.lattice.backup.fabric8.real.BIT.xml");
    Files.writeString(report, Files.readString(report).replace("skipped=\"0\"", "skipped=\"2\""));
    assertThatThrownBy(() -> check("check")).hasMessageContaining("BIT did not pass in full");

    Files.delete(report);
    assertThatThrownBy(() -> check("check")).hasMessageContaining("BIT did not pass in full");

    ran("emulating-1.35", "v1.37.2", "1.35", "failures=\"0\"");
    Files.delete(target.resolve("kubernetes-versions/kubernetes-1.34.json"));
    assertThatThrownBy(() -> check("check")).hasMessageContaining("kubernetes-1.34 left no record");
  }
}
