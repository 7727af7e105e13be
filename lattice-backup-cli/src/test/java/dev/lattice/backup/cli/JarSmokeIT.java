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

import dev.lattice.backup.model.crd.BackupStoreCrd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar, run as a user runs it: a broken manifest or a missing class fails the build. */
class JarSmokeIT {
  private static final Path JAR = Path.of("target", "lattice-backup.jar");
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static Run java(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(List.of(args));
    return run(cmd);
  }

  private static Run run(List<String> cmd) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(cmd);
    // the launcher runs the `java` on PATH: make it the one that made the archive
    builder
        .environment()
        .merge(
            "PATH",
            Path.of(System.getProperty("java.home"), "bin").toString(),
            (path, bin) -> bin + java.io.File.pathSeparator + path);
    Process p = builder.start();
    p.getOutputStream().close();
    var out = p.getInputStream().readAllBytes();
    var err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute").isTrue();
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void theJarRendersTheExamples() throws Exception {
    Run r = java("render", Path.of("..", "examples").toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "name: lattice-production-s3",
            "name: lattice-local-minio",
            "name: lattice-azure-archive")
        .contains("kind: BackupStorageLocation");
    assertThat(r.out().split("\n---\n|^---\n")).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void theJarRefusesAnAliasBombUnderASmallHeap() throws Exception {
    Path bomb = dir.resolve("bomb.yaml");
    Files.writeString(bomb, HostileInputTest.billionLaughs());

    Run r = java("validate", bomb.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("aliases").doesNotContain("\tat ");
  }

  @Test
  void theJarPrintsTheCrdFromTheModelsResource() throws Exception {
    Run r = java("crd");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(BackupStoreCrd.yaml()).contains("name: backupstores.lattice.dev");
  }

  @Test
  void theJarKnowsItsVersion() throws Exception {
    Run r = java("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("lattice-backup 0.");
  }

  @Test
  void renderLoadsNeitherPicocliNorJacksonDatabindsMapper() throws Exception {
    Path log = dir.resolve("classes.log");
    Run r =
        run(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-jar",
                JAR.toString(),
                "render",
                Path.of("..", "examples").toString()));
    assertThat(r.code()).as(r.err()).isZero();

    List<String> loaded = Files.readAllLines(log);
    // the fast path: no picocli command model, no ObjectMapper, no java.time module for Jackson
    assertThat(loaded)
        .noneMatch(l -> l.contains(" picocli.CommandLine$Model "))
        .noneMatch(l -> l.contains(" com.fasterxml.jackson.databind.ObjectMapper "))
        .noneMatch(l -> l.contains(" com.fasterxml.jackson.datatype.jsr310."))
        .anyMatch(l -> l.contains(" dev.lattice.backup.cli.FastPath "));
    // about 1,400 classes in all (2,700 before the fast path); a regression would add hundreds
    assertThat(loaded).hasSizeLessThan(1_800);
  }

  @Test
  void readmesLauncherUsesTheTrainedArchiveAndPrintsWhatTheJarPrints() throws Exception {
    Path archive = Path.of("target", "lattice-backup.jsa");
    assertThat(archive).as("the class-data-sharing archive made in package").isNotEmptyFile();
    String examples = Path.of("..", "examples").toString();

    Run launcher =
        run(
            List.of(
                "bash", Path.of("..", "scripts", "lattice-backup").toString(), "render", examples));
    Run jar = java("render", examples);

    assertThat(launcher.code()).as(launcher.err()).isZero();
    assertThat(launcher.out()).isEqualTo(jar.out());
    assertThat(launcher.err()).isEqualTo(jar.err());
    Run sharing =
        run(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + archive.toAbsolutePath(),
                "-Xshare:on",
                "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--version"));
    assertThat(sharing.code()).as("the JVM accepts the archive: " + sharing.err()).isZero();
  }
}
