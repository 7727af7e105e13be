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

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the Velero server and its AWS and GCP object store plugins from their upstream Go modules
 * (see {@code src/main/go-velero}) once per version, into the same cache as the control plane; the
 * Azure plugin ({@code src/main/go-velero-azure}), fake-gcs-server and MinIO each from a module and
 * into a cache directory of their own. {@link Velero} gives Velero's {@code --plugin-dir} a
 * directory of links to the three plugins.
 *
 * <p>Run {@link #main} to build ahead of the tests: it prints one line and exits non-zero when Go
 * is missing or the build fails.
 */
public final class VeleroBinaries {
  private static final String RESOURCES = "/dev/lattice/backup/junit/velero/";
  private static final String FAKE_GCS_RESOURCES = "/dev/lattice/backup/junit/fake-gcs/";

  static final List<String> SOURCES = List.of("go.mod", "go.sum", "tools.go");
  private static final Pattern REQUIRE =
      Pattern.compile(
          "^\\s*(github\\.com/vmware-tanzu/velero(?:-plugin-for-(?:aws|gcp))?) (v\\S+)",
          Pattern.MULTILINE);

  /** The Velero server's executable name. */
  static final String SERVER = "velero";

  /** The AWS plugin's executable name, in the plugin directory. */
  static final String AWS_PLUGIN = "velero-plugin-for-aws";

  /** The GCP plugin's executable name, in the plugin directory. */
  static final String GCP_PLUGIN = "velero-plugin-for-gcp";

  private VeleroBinaries() {}

  /**
   * Builds both programs when the cache does not hold them.
   *
   * @param args none
   */
  public static void main(String[] args) {
    try {
      Path dir = ensure(System.out);
      System.out.println("lattice-velero: Velero " + veleroVersion() + " ready in " + dir);
      System.out.println("lattice-velero: fake-gcs-server ready at " + fakeGcsServer(System.out));
      System.out.println(
          "lattice-velero: velero-plugin-for-microsoft-azure "
              + StoreBinaries.azurePluginVersion()
              + " ready at "
              + StoreBinaries.azurePlugin(System.out));
      System.out.println("lattice-velero: MinIO ready at " + StoreBinaries.minio(System.out));
      System.out.println("lattice-velero: Azurite ready at " + NodePrograms.azurite(System.out));
    } catch (ControlPlaneException e) {
      System.err.println("lattice-velero: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * The Velero version built, as go.mod requires it.
   *
   * @return the version, such as {@code v1.18.3}
   */
  static String veleroVersion() {
    return required("github.com/vmware-tanzu/velero");
  }

  /**
   * The AWS plugin version built.
   *
   * @return the version, such as {@code v1.14.3}
   */
  static String awsPluginVersion() {
    return required("github.com/vmware-tanzu/velero-plugin-for-aws");
  }

  private static String required(String module) {
    Matcher m = REQUIRE.matcher(source("go.mod"));
    while (m.find()) {
      if (m.group(1).equals(module)) {
        return m.group(2);
      }
    }
    throw new IllegalStateException("go.mod requires no " + module);
  }

  /**
   * The GCP plugin version built.
   *
   * @return the version, such as {@code v1.14.2}
   */
  static String gcpPluginVersion() {
    return required("github.com/vmware-tanzu/velero-plugin-for-gcp");
  }

  /**
   * The directory holding {@code velero} and, in {@code plugins/}, the AWS and GCP plugins, built
   * first when the cache lacks them.
   *
   * @param log where progress goes
   * @return the directory
   * @throws ControlPlaneException when Go is missing or a build fails
   */
  static Path ensure(PrintStream log) {
    Path dir = BuildCache.root().resolve("velero").resolve(veleroVersion() + "-" + sourceKey());
    return buildOnce(
        dir,
        () -> isBuilt(dir),
        RESOURCES,
        (go, src) -> {
          Files.createDirectories(dir.resolve("plugins"));
          build(
              go,
              src,
              Map.of(),
              "github.com/vmware-tanzu/velero/cmd/velero",
              "-X github.com/vmware-tanzu/velero/pkg/buildinfo.Version=" + veleroVersion(),
              dir.resolve(SERVER),
              log);
          build(
              go,
              src,
              Map.of(),
              "github.com/vmware-tanzu/velero-plugin-for-aws/velero-plugin-for-aws",
              "",
              dir.resolve("plugins").resolve(AWS_PLUGIN),
              log);
          build(
              go,
              src,
              Map.of(),
              "github.com/vmware-tanzu/velero-plugin-for-gcp/velero-plugin-for-gcp",
              "",
              dir.resolve("plugins").resolve(GCP_PLUGIN),
              log);
        });
  }

  /** Not an environment variable: the build tags, in a build's environment map. */
  static final String TAGS = " tags";

  /** Builds programs from Go sources into a directory, given the go command and the sources. */
  @FunctionalInterface
  interface Build {
    void run(Path go, Path src) throws IOException;
  }

  /**
   * Runs {@code build} once per cache directory: unless {@code built} already holds, under a file
   * lock (so concurrent JVMs build once), with the Go sources of {@code resources} written to
   * {@code dir/src}.
   */
  static Path buildOnce(Path dir, BooleanSupplier built, String resources, Build build) {
    if (built.getAsBoolean()) {
      return dir;
    }
    Path go = GoCommand.find();
    try {
      BuildCache.once(
          dir,
          built, // another JVM built it while we waited
          () -> {
            Path src = Files.createDirectories(dir.resolve("src"));
            for (String name : SOURCES) {
              Files.writeString(src.resolve(name), JarSources.source(resources, name));
            }
            build.run(go, src);
          });
      return dir;
    } catch (IOException e) {
      throw new ControlPlaneException("cannot build in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean isBuilt(Path dir) {
    return Files.isExecutable(dir.resolve(SERVER))
        && Files.isExecutable(dir.resolve("plugins").resolve(AWS_PLUGIN))
        && Files.isExecutable(dir.resolve("plugins").resolve(GCP_PLUGIN));
  }

  static void build(
      Path go,
      Path src,
      Map<String, String> env,
      String pkg,
      String extraLdflags,
      Path out,
      PrintStream log)
      throws IOException {
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    Path buildLog = out.resolveSibling(out.getFileName() + ".build.log");
    log.printf(
        "lattice-velero: building %s from its Go module (first run only; a cold build takes about"
            + " 10 minutes on 2 cores; log: %s)%n",
        pkg, buildLog);
    long start = System.nanoTime();
    ProcessBuilder pb =
        new ProcessBuilder(
                go.toString(),
                "build",
                "-trimpath",
                "-tags",
                env.getOrDefault(TAGS, ""),
                "-ldflags",
                ("-s -w " + extraLdflags).strip(),
                "-o",
                tmp.toString(),
                pkg)
            .directory(src.toFile())
            .redirectErrorStream(true)
            .redirectOutput(buildLog.toFile());
    pb.environment().put("CGO_ENABLED", "0");
    env.forEach(
        (k, v) -> {
          if (!k.equals(TAGS)) {
            pb.environment().put(k, v);
          }
        });
    Processes.runOrFail(pb, log, start, "go build of " + pkg, buildLog);
    Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    log.printf(
        "lattice-velero: built in %d s: %s%n",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), out);
  }

  /**
   * The fake-gcs-server executable (Go module {@code github.com/fsouza/fake-gcs-server}, see {@code
   * src/main/go-fake-gcs}), built first when the cache lacks it.
   *
   * @param log where progress goes
   * @return the executable
   */
  static Path fakeGcsServer(PrintStream log) {
    Path dir =
        BuildCache.root()
            .resolve("fake-gcs-server")
            .resolve(JarSources.key(FAKE_GCS_RESOURCES, SOURCES));
    Path binary = dir.resolve("fake-gcs-server");
    buildOnce(
        dir,
        () -> Files.isExecutable(binary),
        FAKE_GCS_RESOURCES,
        (go, src) -> {
          build(go, src, Map.of(), "github.com/fsouza/fake-gcs-server", "", binary, log);
        });
    return binary;
  }

  /** A key that changes whenever the Go sources do. */
  static String sourceKey() {
    return JarSources.key(RESOURCES, SOURCES);
  }

  private static String source(String name) {
    return JarSources.source(RESOURCES, name);
  }
}
