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
package dev.lattice.backup.fabric8.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.fabric8.BackupStoreController;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.memory.InMemoryCluster;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TranslationPlan;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.bsl.BslJson;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets are compiled here (and in {@link BackupStoreReconciler}), and run
 * where they can run in a unit test; the first test fails when a README snippet is not found, line
 * for line, in this module's test sources.
 */
class ReadmeSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyJavaSnippetOfTheReadmeIsInTheseTests() throws IOException {
    List<List<String>> snippets = javaBlocks(Files.readString(ROOT.resolve("README.md")));
    List<String> sources = new ArrayList<>();
    try (Stream<Path> files =
        Files.walk(Path.of("src/test/java/dev/lattice/backup/fabric8/readme"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.add(normalized(Files.readString(file)).stream().collect(Collectors.joining("\n")));
      }
    }
    assertThat(snippets).as("Java snippets in README.md").hasSizeGreaterThanOrEqualTo(3);
    for (List<String> snippet : snippets) {
      String text = String.join("\n", snippet);
      boolean compiled = sources.stream().anyMatch(source -> source.contains(text));
      assertThat(compiled).as("README snippet not found in these tests:%n%s", text).isTrue();
    }
  }

  @Test
  void theLibraryCallTranslatesTheExample() throws IOException {
    String yaml = Files.readString(ROOT.resolve("examples/s3-store.yaml"));

    List<BackupStore> stores = BackupStoreCodec.strict().readAll(yaml); // JSON or YAML, 1..n docs
    TranslationPlan plan =
        Translator.translateAll(stores, List.of(), TranslationOptions.defaults());
    plan.rejections().forEach((store, rejected) -> System.err.println(store + ": " + rejected));
    String bsls = BslJson.toYaml(plan.locations()); // Velero BackupStorageLocations, to apply

    assertThat(plan.rejections()).isEmpty();
    assertThat(bsls).contains("kind: BackupStorageLocation", "name: lattice-production-s3");
  }

  @Test
  void theJosdkReconcilerDelegatesAndRequeues() {
    InMemoryCluster cluster = InMemoryCluster.create();
    BackupStore seed = BackupStoreCodec.strict().read(example("s3-store.yaml"));
    cluster.createStore(seed);
    var reconciler =
        new BackupStoreReconciler(new Reconciler(cluster.ports(), ReconcileOptions.defaults()));
    GenericKubernetesResource store = new GenericKubernetesResource();
    store.setMetadata(
        new ObjectMetaBuilder().withNamespace("lattice-system").withName("production-s3").build());

    UpdateControl<GenericKubernetesResource> control = reconciler.reconcile(store, null);

    assertThat(cluster.bsl("lattice-production-s3")).isPresent();
    assertThat(control.isNoUpdate()).isTrue();
    assertThat(control.getScheduleDelay()).contains(Duration.ofSeconds(15).toMillis());
  }

  /** Compiled, not run: it would need a cluster and would run until the JVM stops. */
  @SuppressWarnings("try") // the controller is used by being open
  static void standaloneController() throws InterruptedException {
    KubernetesClient client = new KubernetesClientBuilder().build();
    var options = ReconcileOptions.defaults(); // Velero's namespace and the other settings, once
    try (var controller = BackupStoreController.builder(client, options).workers(4).start()) {
      Thread.currentThread().join(); // watches and reconciles until the JVM stops
    }
  }

  private static String example(String file) {
    try {
      return Files.readString(ROOT.resolve("examples").resolve(file));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<List<String>> javaBlocks(String markdown) {
    List<List<String>> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("(?ms)^```java\\n(.*?)^```").matcher(markdown);
    while (m.find()) {
      blocks.add(normalized(m.group(1)));
    }
    return blocks;
  }

  private static List<String> normalized(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
