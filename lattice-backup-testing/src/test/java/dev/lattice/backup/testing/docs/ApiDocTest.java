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
package dev.lattice.backup.testing.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/api.md lists the public API the code has, and the core modules keep a small one. Run with
 * {@code -Dlattice.api.doc=write} to write the generated part of the page instead of checking it.
 */
class ApiDocTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path PAGE = ROOT.resolve("docs/api.md");

  @Test
  void docsApiMdListsThePublicTypesOfEveryPublishedModule() throws IOException {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    String generated = ApiList.replaceGenerated(page, ApiList.markdown(ROOT));
    if ("write".equals(System.getProperty("lattice.api.doc"))) {
      Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
    }

    assertThat(page)
        .as(
            "docs/api.md differs from the code: run ./mvnw -pl lattice-backup-testing test"
                + " -Dtest=ApiDocTest -Dlattice.api.doc=write")
        .isEqualTo(generated);
  }

  @Test
  void theExportedPackagesOfModelTranslateAndReconcileHoldAtMostSixtyPublicTypes() {
    int count =
        List.of("lattice-backup-model", "lattice-backup-translate", "lattice-backup-reconcile")
            .stream()
            .mapToInt(m -> ApiList.read(ROOT, m).typeCount())
            .sum();

    assertThat(count).isPositive().isLessThanOrEqualTo(60);
  }

  @Test
  void onlyPublicTopLevelTypesOfPackagesExportedToEveryoneAreListed(@TempDir Path root)
      throws IOException {
    Path src = root.resolve("m/src/main/java");
    write(
        src.resolve("module-info.java"),
        "/** m. */\nmodule a.m {\n  exports a.api;\n  exports a.hidden to b.other;\n}\n");
    write(
        src.resolve("a/api/Open.java"), "package a.api;\n/** x. */\npublic final class Open {}\n");
    write(src.resolve("a/api/Shape.java"), "package a.api;\npublic sealed interface Shape {}\n");
    write(src.resolve("a/api/Plumbing.java"), "package a.api;\nfinal class Plumbing {}\n");
    write(src.resolve("a/api/package-info.java"), "/** p. */\npackage a.api;\n");
    write(src.resolve("a/hidden/Secret.java"), "package a.hidden;\npublic class Secret {}\n");

    ApiList.ModuleApi api = ApiList.read(root, "m");

    assertThat(api.module()).isEqualTo(Optional.of("a.m"));
    assertThat(api.packages()).isEqualTo(Map.of("a.api", List.of("Open", "Shape")));
    assertThat(api.typeCount()).isEqualTo(2);
  }

  @Test
  void replacingTheGeneratedPartKeepsTheRestOfThePage() {
    String page = "intro\n" + ApiList.BEGIN + "\nold\n" + ApiList.END + "\noutro\n";

    assertThat(ApiList.replaceGenerated(page, "new\n"))
        .isEqualTo("intro\n" + ApiList.BEGIN + "\n\nnew\n" + ApiList.END + "\noutro\n");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
