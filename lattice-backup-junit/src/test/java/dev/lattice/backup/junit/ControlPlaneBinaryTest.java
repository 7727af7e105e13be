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
package dev.lattice.backup.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlPlaneBinaryTest {

  @Test
  void withoutGoTheMessageIsOneLineNamingWhatIsMissingAndHowToInstallIt(@TempDir Path empty) {
    assertThatThrownBy(
            () ->
                ControlPlaneBinary.go(
                    Map.of("PATH", empty.toString()), List.of(empty.resolve("go"))))
        .isInstanceOf(ControlPlaneException.class)
        .hasMessageStartingWith("Go is not installed")
        .hasMessageContaining("go.dev/doc/install")
        .hasMessageContaining("1.26")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void goIsFoundOnThePathOrThroughTheGoVariable(@TempDir Path dir) throws Exception {
    Path go = Files.createFile(dir.resolve("go"));
    go.toFile().setExecutable(true);
    assertThat(ControlPlaneBinary.go(Map.of("PATH", "/nowhere:" + dir), List.of())).isEqualTo(go);
    assertThat(ControlPlaneBinary.go(Map.of("GO", go.toString()), List.of())).isEqualTo(go);
  }

  @Test
  void theBuildIsKeyedByTheKubernetesVersionAndTheSources() {
    assertThat(ControlPlaneBinary.kubernetesVersion()).matches("v1\\.3\\d+\\.\\d+");
    assertThat(ControlPlaneBinary.etcdVersion()).matches("v3\\.\\d+\\.\\d+");
    assertThat(ControlPlaneBinary.sourceKey()).matches("[0-9a-f]{16}");
  }

  @Test
  void theOlderBuildSharesMainGoAndHasItsOwnModule() {
    ControlPlaneBinary.Build standard = ControlPlaneBinary.build("");
    ControlPlaneBinary.Build floor = ControlPlaneBinary.build("1.34");
    assertThat(ControlPlaneBinary.build(standard.minor())).isEqualTo(standard);
    assertThat(standard.minor()).isEqualTo("1.37");
    assertThat(floor.kubernetesVersion()).startsWith("v1.34.");
    assertThat(floor.minor()).isEqualTo("1.34");
    assertThat(floor.etcdVersion()).matches("v3\\.\\d+\\.\\d+");
    assertThat(floor.source("main.go")).isEqualTo(standard.source("main.go"));
    assertThat(floor.source("go.mod")).isNotEqualTo(standard.source("go.mod"));
    assertThat(floor.sourceKey()).isNotEqualTo(standard.sourceKey());
    assertThat(standard.sourceKey()).isEqualTo(ControlPlaneBinary.sourceKey());
  }

  @Test
  void aVersionWithoutABuildIsRefusedNamingTheBuilds() {
    assertThatThrownBy(() -> ControlPlaneBinary.build("1.35"))
        .isInstanceOf(ControlPlaneException.class)
        .hasMessageContaining("no build of Kubernetes 1.35")
        .hasMessageContaining("1.37 (the default) and 1.34")
        .hasMessageContaining("emulated");
  }
}
