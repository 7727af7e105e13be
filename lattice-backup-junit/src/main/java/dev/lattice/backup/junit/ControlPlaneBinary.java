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

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the control-plane binary (kube-apiserver and etcd from their upstream Go modules, see
 * {@code src/main/go}) once per version and caches it outside any build directory, so {@code mvn
 * clean} keeps it and a warm start costs milliseconds. Also fetches Velero's CRDs from Velero's own
 * Go module.
 *
 * <p>The cache lives in {@code $LATTICE_BACKUP_CACHE}, else {@code $XDG_CACHE_HOME/lattice-backup},
 * else {@code ~/.cache/lattice-backup}; a key derived from the Go sources names each build. Only Go
 * and the Go module proxy are needed; nothing else is downloaded.
 *
 * <p>Run {@link #main} to build ahead of the tests (the Maven build does so before its integration
 * tests): it prints one line and exits non-zero when Go is missing.
 */
public final class ControlPlaneBinary {
  /** Velero's module version whose CRDs are installed. */
  static final String VELERO_VERSION = "v1.18.3";

  private static final String RESOURCES = "/dev/lattice/backup/junit/control-plane/";
  private static final List<String> SOURCES = List.of("go.mod", "go.sum", "main.go");
  private static final Pattern REQUIRE =
      Pattern.compile(
          "^\\s*(k8s\\.io/kubernetes|go\\.etcd\\.io/etcd/server/v3) (v\\S+)", Pattern.MULTILINE);

  /**
   * The Kubernetes builds the jar holds besides the default one, by minor version: each is a go.mod
   * and go.sum under {@code k8s-<minor>/} that share the default build's main.go.
   */
  static final List<String> OTHER_BUILDS = List.of("1.34");

  /** The name of the kubectl built beside each control plane binary, of the same version. */
  static final String KUBECTL = "kubectl";

  private ControlPlaneBinary() {}

  /**
   * Builds the binaries the cache does not hold, and fetches Velero's CRDs.
   *
   * @param args the Kubernetes builds to prepare, by minor version (such as {@code 1.34}); none
   *     prepares the default build
   */
  public static void main(String[] args) {
    try {
      List<Build> builds = new ArrayList<>();
      for (String minor : args) {
        builds.add(build(minor));
      }
      if (builds.isEmpty()) {
        builds.add(build(""));
      }
      for (Build b : builds) {
        System.out.println("lattice-control-plane: ready at " + ensure(b, System.out));
      }
      System.out.println("lattice-control-plane: Velero CRDs at " + veleroCrds(System.out));
    } catch (ControlPlaneException e) {
      System.err.println("lattice-control-plane: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * One Kubernetes build of the control plane: its go.mod and go.sum in a resource directory (empty
   * for the default build), compiled with the default build's main.go.
   *
   * @param directory the resource sub-directory, such as {@code k8s-1.34/}; empty for the default
   */
  record Build(String directory) {
    /** The Kubernetes version this build compiles, as its go.mod requires it. */
    String kubernetesVersion() {
      return required("k8s.io/kubernetes");
    }

    /** The etcd server version this build compiles. */
    String etcdVersion() {
      return required("go.etcd.io/etcd/server/v3");
    }

    /** Major and minor of {@link #kubernetesVersion()}, such as {@code 1.37}. */
    String minor() {
      String[] parts = kubernetesVersion().substring(1).split("\\.", -1);
      return parts[0] + "." + parts[1];
    }

    /** A Go source of this build: main.go is shared, go.mod and go.sum are its own. */
    String source(String name) {
      return ControlPlaneBinary.source(RESOURCES + (name.endsWith(".go") ? "" : directory), name);
    }

    /** A key that changes whenever this build's Go sources do. */
    String sourceKey() {
      return digest(SOURCES, this::source);
    }

    private String required(String module) {
      Matcher m = REQUIRE.matcher(source("go.mod"));
      while (m.find()) {
        if (m.group(1).equals(module)) {
          return m.group(2);
        }
      }
      throw new IllegalStateException(directory + "go.mod requires no " + module);
    }
  }

  /**
   * The build of a Kubernetes minor version.
   *
   * @param minor such as {@code 1.34}; empty for the default build
   * @return the build
   * @throws ControlPlaneException when the jar holds no build of that version
   */
  static Build build(String minor) {
    Build standard = new Build("");
    if (minor.isEmpty() || minor.equals(standard.minor())) {
      return standard;
    }
    if (OTHER_BUILDS.contains(minor)) {
      return new Build("k8s-" + minor + "/");
    }
    throw new ControlPlaneException(
        "no build of Kubernetes "
            + minor
            + " in lattice-backup-junit; the builds are "
            + standard.minor()
            + " (the default) and "
            + String.join(", ", OTHER_BUILDS)
            + "; other minor versions down to three below the default can be emulated");
  }

  /** The Kubernetes version the default binary is built from, as go.mod requires it. */
  static String kubernetesVersion() {
    return build("").kubernetesVersion();
  }

  /** The etcd server version the default binary is built from. */
  static String etcdVersion() {
    return build("").etcdVersion();
  }

  /**
   * The default binary, built first when the cache lacks it.
   *
   * @param log where progress goes
   * @return the executable
   * @throws ControlPlaneException when Go is missing or the build fails
   */
  static Path ensure(PrintStream log) {
    return ensure(build(""), log);
  }

  /**
   * The binary of a build, built first when the cache lacks it.
   *
   * @param build the Kubernetes build
   * @param log where progress goes
   * @return the executable
   * @throws ControlPlaneException when Go is missing or the build fails
   */
  @SuppressWarnings("try") // the lock is held for the try block, never read
  static Path ensure(Build build, PrintStream log) {
    Path dir =
        cacheRoot()
            .resolve("control-plane")
            .resolve(build.kubernetesVersion() + "-" + build.sourceKey());
    Path binary = dir.resolve("lattice-control-plane");
    if (Files.isExecutable(binary)) {
      return binary;
    }
    Path go = go();
    try {
      Files.createDirectories(dir);
      try (FileChannel lockFile =
              FileChannel.open(
                  dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockFile.lock()) {
        if (Files.isExecutable(binary)) {
          return binary; // another JVM built it while we waited
        }
        build(build, go, dir, binary, log);
        return binary;
      }
    } catch (IOException e) {
      throw new ControlPlaneException("cannot build in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void build(Build build, Path go, Path dir, Path binary, PrintStream log)
      throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src);
    for (String name : SOURCES) {
      Files.writeString(src.resolve(name), build.source(name));
    }
    String k8s = build.kubernetesVersion();
    String[] minor = k8s.substring(1).split("\\.", -1);
    String ldflags =
        String.join(
            " ",
            "-s -w",
            "-X main.version=" + k8s,
            "-X k8s.io/component-base/version.gitVersion=" + k8s,
            "-X k8s.io/component-base/version.gitMajor=" + minor[0],
            "-X k8s.io/component-base/version.gitMinor=" + minor[1]);
    Path tmp = dir.resolve("lattice-control-plane.tmp");
    Path buildLog = dir.resolve("build.log");
    log.printf(
        "lattice-control-plane: building kube-apiserver %s and etcd %s from their Go modules"
            + " (first run only; a cold build takes 10-30 minutes on 2 cores; log: %s)%n",
        k8s, build.etcdVersion(), buildLog);
    long start = System.nanoTime();
    ProcessBuilder pb =
        new ProcessBuilder(
                go.toString(), "build", "-trimpath", "-ldflags", ldflags, "-o", tmp.toString(), ".")
            .directory(src.toFile())
            .redirectErrorStream(true)
            .redirectOutput(buildLog.toFile());
    pb.environment().put("CGO_ENABLED", "0");
    int exit = run(pb, log, start);
    if (exit != 0) {
      throw new ControlPlaneException(
          "go build failed (exit "
              + exit
              + "); last lines of "
              + buildLog
              + ":\n"
              + tail(buildLog, 30));
    }
    // kubectl from the same module (go.mod names it as a tool), before the server binary is moved
    // into place: a cache directory with the server always has its kubectl.
    Path kubectl = dir.resolve(KUBECTL);
    Path kubectlTmp = dir.resolve(KUBECTL + ".tmp");
    ProcessBuilder kb =
        new ProcessBuilder(
                go.toString(),
                "build",
                "-trimpath",
                "-ldflags",
                ldflags,
                "-o",
                kubectlTmp.toString(),
                "k8s.io/kubernetes/cmd/kubectl")
            .directory(src.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(buildLog.toFile()));
    kb.environment().put("CGO_ENABLED", "0");
    exit = run(kb, log, start);
    if (exit != 0) {
      throw new ControlPlaneException(
          "go build of kubectl failed (exit "
              + exit
              + "); last lines of "
              + buildLog
              + ":\n"
              + tail(buildLog, 30));
    }
    Files.move(
        kubectlTmp, kubectl, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Files.move(tmp, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    log.printf(
        "lattice-control-plane: built in %d s: %s%n",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), binary);
  }

  /**
   * The directory holding Velero's CRD manifests, taken from Velero's own Go module (v1 and
   * v2alpha1 bases) through the Go module proxy; cached.
   *
   * @param log where progress goes
   * @return the directory of YAML files
   */
  static Path veleroCrds(PrintStream log) {
    Path dir = cacheRoot().resolve("velero-crds").resolve(VELERO_VERSION);
    if (Files.isRegularFile(dir.resolve("velero.io_backupstoragelocations.yaml"))) {
      return dir;
    }
    Path go = go();
    try {
      Files.createDirectories(dir.getParent());
      Path work = Files.createTempDirectory(dir.getParent(), "download");
      Path out = work.resolve("download.json");
      ProcessBuilder pb =
          new ProcessBuilder(
                  go.toString(),
                  "mod",
                  "download",
                  "-json",
                  "github.com/vmware-tanzu/velero@" + VELERO_VERSION)
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      log.println(
          "lattice-control-plane: fetching Velero "
              + VELERO_VERSION
              + "'s CRDs from its Go module");
      int exit = run(pb, log, System.nanoTime());
      String json = Files.readString(out);
      Matcher m = Pattern.compile("\"Dir\":\\s*\"([^\"]+)\"").matcher(json);
      if (exit != 0 || !m.find()) {
        throw new ControlPlaneException("go mod download of Velero failed:\n" + json.strip());
      }
      Path module = Path.of(m.group(1)).resolve("config").resolve("crd");
      Path staged = work.resolve("crds");
      Files.createDirectories(staged);
      for (String version : List.of("v1", "v2alpha1")) {
        try (var files = Files.list(module.resolve(version).resolve("bases"))) {
          for (Path f : (Iterable<Path>) files::iterator) {
            Files.copy(f, staged.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      try {
        Files.move(staged, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        if (!Files.isDirectory(dir)) {
          throw raced;
        }
      }
      return dir;
    } catch (IOException e) {
      throw new ControlPlaneException("cannot fetch Velero's CRDs: " + e.getMessage(), e);
    }
  }

  static int run(ProcessBuilder pb, PrintStream log, long start) throws IOException {
    Process p = pb.start();
    p.getOutputStream().close();
    try {
      while (!p.waitFor(60, TimeUnit.SECONDS)) {
        log.printf(
            "lattice-control-plane: still working (%d min)%n",
            TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - start));
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("interrupted while running " + pb.command().get(0), e);
    }
  }

  /** The cache root, outside any build directory. */
  static Path cacheRoot() {
    Map<String, String> env = System.getenv();
    String explicit = env.get("LATTICE_BACKUP_CACHE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "lattice-backup");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "lattice-backup");
  }

  /** The go command: {@code $GO}, else {@code go} on the PATH, else Go's default install path. */
  static Path go() {
    return go(System.getenv(), List.of(Path.of("/usr/local/go/bin/go")));
  }

  static Path go(Map<String, String> env, List<Path> defaults) {
    List<Path> candidates = new ArrayList<>();
    String explicit = env.get("GO");
    if (explicit != null && !explicit.isBlank()) {
      candidates.add(Path.of(explicit));
    }
    String path = Optional.ofNullable(env.get("PATH")).orElse("");
    for (String entry : path.split(File.pathSeparator, -1)) {
      if (!entry.isEmpty()) {
        candidates.add(Path.of(entry, "go"));
      }
    }
    candidates.addAll(defaults);
    for (Path c : candidates) {
      if (Files.isExecutable(c)) {
        return c;
      }
    }
    throw new ControlPlaneException(
        "Go is not installed: the real-server tests build kube-apiserver and etcd from their Go"
            + " modules and need Go "
            + goVersion()
            + " or newer on the PATH (install it from https://go.dev/doc/install or your"
            + " distribution's golang package, or set GO to the go command)");
  }

  private static String goVersion() {
    Matcher m = Pattern.compile("(?m)^go (\\S+)").matcher(source(RESOURCES, "go.mod"));
    return m.find() ? m.group(1) : "1.26";
  }

  /** A key that changes whenever the default build's Go sources do. */
  static String sourceKey() {
    return build("").sourceKey();
  }

  /** A key that changes whenever the named Go sources under a resource directory do. */
  static String sourceKey(String resources, List<String> names) {
    return digest(names, name -> source(resources, name));
  }

  private static String digest(List<String> names, UnaryOperator<String> sources) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String name : names) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update(sources.apply(name).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Go source shipped in this jar, under a resource directory. */
  static String source(String resources, String name) {
    try (InputStream in = ControlPlaneBinary.class.getResourceAsStream(resources + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resources + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }
}
