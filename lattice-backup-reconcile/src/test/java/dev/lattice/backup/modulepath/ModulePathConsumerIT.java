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
package dev.lattice.backup.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer module compiled and run on the module path, as an embedder would, with no {@code
 * --add-modules} or other flag: it reads YAML, validates, translates and reconciles in memory. The
 * module path holds this library's modules and their runtime dependencies only (no test library),
 * taken from the test's class path.
 */
class ModulePathConsumerIT {
  @TempDir Path dir;

  /** Runtime dependencies of the reconcile module: jars whose file name starts so. */
  private static final Pattern RUNTIME =
      Pattern.compile(
          "(jackson-(core|databind|annotations|dataformat-yaml|datatype-jdk8|datatype-jsr310)"
              + "|snakeyaml|kubernetes-model-(core|common)|jspecify|slf4j-api"
              + "|jakarta\\.validation-api|lattice-backup-(model|translate|reconcile))-\\d.*\\.jar");

  private static List<String> modulePath() throws java.io.IOException {
    List<String> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath();
      String name = p.getFileName().toString();
      if (name.equals("classes") && Files.isDirectory(p)) {
        // a module of this build, compiled in the same reactor: its packaged jar (a directory
        // without module-info.class cannot be an automatic module)
        Path target = p.getParent();
        String module = target.getParent().getFileName().toString();
        if (!module.matches("lattice-backup-(model|translate|reconcile)")) {
          continue;
        }
        try (var jars = Files.list(target)) {
          jars.map(Path::toString)
              .filter(
                  j -> j.matches(".*/" + module + "-\\d[^/]*(?<!-tests|-sources|-javadoc)\\.jar"))
              .findFirst()
              .ifPresent(out::add);
        }
      } else if (RUNTIME.matcher(name).matches() && !name.contains("-tests")) {
        out.add(entry);
      }
    }
    return out;
  }

  /**
   * The consumer requires the reconcile module only: it reads translate and the model transitively,
   * and SLF4J (which the reconciler logs with) is the reconcile module's own business.
   */
  static final String MODULE_INFO =
      """
      module consumer {
        requires dev.lattice.backup.reconcile;
      }
      """;

  static final String MAIN =
      """
      package consumer;

      import dev.lattice.backup.model.BackupStore;
      import dev.lattice.backup.model.io.BackupStoreCodec;
      import dev.lattice.backup.model.io.ReadDocument;
      import dev.lattice.backup.reconcile.ReconcileOutcome;
      import dev.lattice.backup.reconcile.Reconciler;
      import dev.lattice.backup.junit.memory.InMemoryCluster;
      import dev.lattice.backup.reconcile.plan.Plan;
      import dev.lattice.backup.reconcile.plan.ReconcileOptions;
      import dev.lattice.backup.reconcile.port.PortException;
      import dev.lattice.backup.translate.TranslationOptions;
      import dev.lattice.backup.translate.TranslationPlan;
      import dev.lattice.backup.translate.Translator;
      import java.util.List;
      import java.util.Optional;

      public final class Main {
        public static void main(String[] args) {
          String yaml = String.join("\\n",
              "apiVersion: lattice.dev/v1alpha1",
              "kind: BackupStore",
              "metadata:",
              "  name: production-s3",
              "  namespace: lattice-system",
              "spec:",
              "  default: true",
              "  storage:",
              "    provider: s3",
              "    s3:",
              "      bucket: lattice-backups",
              "      region: us-east-1",
              "    cloudProviderRef: aws-prod",
              "---",
              "apiVersion: lattice.dev/v1alpha1",
              "kind: BackupStore",
              "metadata:",
              "  name: broken",
              "spec:",
              "  storage:",
              "    provider: s3",
              "    s3:",
              "      bucket: ab",
              "      region: us-east-1",
              "");
          List<ReadDocument> docs = BackupStoreCodec.strict().readDocuments(yaml, Optional.of("in.yaml"));
          for (ReadDocument doc : docs) {
            doc.errors().forEach(e -> System.out.println("error " + e.location().orElseThrow() + " " + e.path()));
          }
          BackupStore store = docs.get(0).store().orElseThrow();
          TranslationPlan plan = Translator.translateAll(List.of(store), List.of(), TranslationOptions.defaults());
          System.out.println("bsl " + plan.locations().get(0).metadata().name());
          InMemoryCluster cluster = InMemoryCluster.create();
          cluster.createStore(store);
          try {
            Plan dryRun = new Reconciler(cluster.ports(), ReconcileOptions.defaults()).plan();
            System.out.println("dry run " + !dryRun.isEmpty() + " bsls " + cluster.bsls().size());
          } catch (PortException e) {
            throw new IllegalStateException(e);
          }
          ReconcileOutcome outcome = new Reconciler(cluster.ports(), ReconcileOptions.defaults()).reconcile();
          System.out.println("writes " + (outcome.writes() > 0) + " bsls " + cluster.bsls().size());
          System.out.println("module " + Main.class.getModule().getName() + " "
              + BackupStore.class.getModule().getName());
        }
      }
      """;

  /**
   * The in-memory cluster the consumer reconciles against, from lattice-backup-junit (built after
   * this module, so its jar is not there yet): its sources, as this module's tests compile them
   * (target/memory-sources), copied into the consumer, which uses that package privately.
   */
  private static List<File> inMemoryCluster(Path src) throws java.io.IOException {
    Path from = Path.of("target", "memory-sources", "dev", "lattice", "backup", "junit", "memory");
    Path to = Files.createDirectories(src.resolve("dev/lattice/backup/junit/memory"));
    List<File> out = new ArrayList<>();
    try (var files = Files.list(from)) {
      for (Path f : files.filter(f -> !f.endsWith("package-info.java")).toList()) {
        out.add(Files.copy(f, to.resolve(f.getFileName())).toFile());
      }
    }
    assertThat(out).as("the in-memory cluster's sources in " + from).isNotEmpty();
    return out;
  }

  @Test
  void aConsumerModuleReadsValidatesTranslatesAndReconcilesWithNoFlags() throws Exception {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("consumer"));
    Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(src.resolve("consumer/Main.java"), MAIN);
    List<File> sources = new ArrayList<>();
    sources.add(src.resolve("module-info.java").toFile());
    sources.add(src.resolve("consumer/Main.java").toFile());
    sources.addAll(inMemoryCluster(src));
    Path out = dir.resolve("out");
    String modulePath = String.join(File.pathSeparator, modulePath());
    assertThat(modulePath)
        .contains("jackson-databind")
        .contains("lattice-backup-model")
        .contains("lattice-backup-translate")
        .contains("lattice-backup-reconcile");

    Compilation compilation = javac(modulePath, out, sources);
    assertThat(compilation.compiled()).as(compilation.diagnostics()).isTrue();

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd =
        List.of(
            java.toString(),
            "--module-path",
            out + File.pathSeparator + modulePath,
            "-m",
            "consumer/consumer.Main");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    p.getOutputStream().close();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(stderr).isZero();
    assertThat(stderr).doesNotContain("Exception").doesNotContain("NoClassDefFoundError");
    assertThat(stdout.lines())
        .containsExactly(
            "error in.yaml:23:7 spec.storage.s3.bucket",
            "bsl lattice-production-s3",
            "dry run true bsls 0",
            "writes true bsls 1",
            "module consumer dev.lattice.backup.model");
    assertThat(cmd).noneMatch(a -> a.startsWith("--add-"));
  }

  /**
   * The machinery behind the API is not exported: a consumer that reaches for it does not compile.
   */
  @Test
  void internalPackagesAreNotExported() throws Exception {
    String modulePath = String.join(File.pathSeparator, modulePath());
    for (String internal :
        List.of(
            "dev.lattice.backup.model.io.internal.CodecEngine",
            "dev.lattice.backup.translate.internal.names.BslNames",
            "dev.lattice.backup.reconcile.plan.internal.Planner")) {
      Path src = dir.resolve(internal);
      Files.createDirectories(src.resolve("consumer"));
      Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
      Files.writeString(
          src.resolve("consumer/Main.java"),
          "package consumer;\npublic final class Main { Class<?> c = " + internal + ".class; }\n");
      Compilation compilation =
          javac(
              modulePath,
              src.resolve("out"),
              List.of(
                  src.resolve("module-info.java").toFile(),
                  src.resolve("consumer/Main.java").toFile()));
      assertThat(compilation.compiled()).as(internal).isFalse();
      assertThat(compilation.diagnostics()).as(internal).contains("is not visible");
    }
  }

  /** Whether javac compiled the sources, and what it said. */
  private record Compilation(boolean compiled, String diagnostics) {}

  /** Compiles sources with the JDK's javac against a module path into {@code out}. */
  private static Compilation javac(String modulePath, Path out, List<File> sources) {
    StringWriter diagnostics = new StringWriter();
    boolean compiled =
        ToolProvider.getSystemJavaCompiler()
            .getTask(
                diagnostics,
                null,
                null,
                List.of("--module-path", modulePath, "-d", out.toString()),
                null,
                ToolProvider.getSystemJavaCompiler()
                    .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjectsFromFiles(sources))
            .call();
    return new Compilation(compiled, diagnostics.toString());
  }
}
