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
package dev.lattice.backup.josdk.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.reconcile.ReconcileOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of README.md and docs/*.md is found in {@link DocSnippets} (compared without
 * whitespace, so the formatter may wrap and indent; every token and comment must be there), and the
 * snippets that can run without a cluster run here.
 */
class SnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyJavaSnippetOfTheReadmeAndTheDocsIsInDocSnippets() throws IOException {
    String source =
        squeezed(
            Files.readString(
                Path.of("src/test/java/dev/lattice/backup/josdk/snippets/DocSnippets.java")));
    Map<String, List<String>> snippets = new TreeMap<>();
    snippets.put("README.md", javaBlocks(Files.readString(ROOT.resolve("README.md"))));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      for (Path doc : docs.filter(f -> f.toString().endsWith(".md")).toList()) {
        snippets.put("docs/" + doc.getFileName(), javaBlocks(Files.readString(doc)));
      }
    }
    assertThat(snippets.get("README.md"))
        .as("Java snippets in README.md")
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(snippets.values().stream().mapToInt(List::size).sum())
        .as("Java snippets in README.md and docs/")
        .isGreaterThanOrEqualTo(10);
    // A module declaration is checked against the one ModulePathConsumerIT compiles and runs.
    Set<String> consumerRequires =
        requires(
            Files.readString(
                ROOT.resolve(
                    "lattice-backup-reconcile/src/test/java/dev/lattice/backup/modulepath/"
                        + "ModulePathConsumerIT.java")));
    assertThat(consumerRequires).isNotEmpty();
    List<String> missing = new ArrayList<>();
    snippets.forEach(
        (file, blocks) -> {
          for (String block : blocks) {
            if (block.startsWith("module ")) {
              if (!requires(block).equals(consumerRequires)) {
                missing.add(file + " (requires differ from ModulePathConsumerIT's):\n" + block);
              }
            } else if (!source.contains(squeezed(block))) {
              missing.add(file + ":\n" + block);
            }
          }
        });
    assertThat(missing).as("snippets not found in DocSnippets.java").isEmpty();
  }

  @Test
  void theLibraryCallTranslatesTheExample() throws IOException {
    String bsls = DocSnippets.libraryCall(Files.readString(ROOT.resolve("examples/s3-store.yaml")));

    assertThat(bsls).contains("kind: BackupStorageLocation", "name: lattice-production-s3");
  }

  @Test
  void reconcilingCreatesTheBslAndSchedulesTheRecheck() throws IOException {
    DocSnippets host = DocSnippets.create();
    BackupStore seed =
        BackupStoreCodec.strict().read(Files.readString(ROOT.resolve("examples/s3-store.yaml")));

    ReconcileOutcome outcome = host.reconciling(seed);

    assertThat(outcome.failures()).isEmpty();
    assertThat(outcome.done()).isNotEmpty();
    assertThat(host.scheduled).containsExactly(Duration.ofSeconds(15));
  }

  @Test
  void readingAndValidatingPrintsTheStoreWithAStatus() throws IOException {
    String out =
        capturingStdout(
            () -> DocSnippets.readingAndValidating(ROOT.resolve("examples/s3-store.yaml")));
    assertThat(out).contains("kind: BackupStore", "phase: Pending");
  }

  @Test
  void errorsWithLocationsPointAtTheLine() {
    String text =
        "apiVersion: lattice.dev/v1alpha1\n"
            + "kind: BackupStore\n"
            + "metadata: {name: a, namespace: lattice-system}\n"
            + "spec:\n"
            + "  storage:\n"
            + "    provider: s3\n"
            + "    s3: {bucket: ab, region: us-east-1}\n"
            + "    cloudProviderRef: aws\n";
    String err = capturingStderr(() -> DocSnippets.errorsWithLocations(text));
    assertThat(err).contains("stores.yaml:7:", "spec.storage.s3.bucket");
  }

  @Test
  void beanValidationGivesTheValidatorsErrors() throws IOException {
    BackupStore store =
        BackupStoreCodec.strict()
            .read(
                Files.readString(ROOT.resolve("examples/s3-store.yaml"))
                    .replace("us-east-1", "US_EAST"));
    String err = capturingStderr(() -> DocSnippets.beanValidation(store));
    assertThat(err).contains("spec.storage.s3.region");
  }

  private static String capturingStdout(Runnable body) {
    PrintStream old = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(old);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String capturingStderr(Runnable body) {
    PrintStream old = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setErr(old);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("(?ms)^```java\\n(.*?)^```").matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1).strip());
    }
    return blocks;
  }

  /** The {@code requires} directives of a module declaration, comments removed. */
  private static Set<String> requires(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\s*(requires\\s+[\\w.]+\\s*;)").matcher(text);
    while (m.find()) {
      out.add(squeezed(m.group(1)));
    }
    return out;
  }

  private static String squeezed(String text) {
    return text.replaceAll("\\s+", "");
  }
}
