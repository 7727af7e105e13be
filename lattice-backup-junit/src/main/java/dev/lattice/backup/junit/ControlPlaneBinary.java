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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /** Where the jar holds the control plane's Go module. */
  static final String RESOURCES = "/dev/lattice/backup/junit/control-plane/";

  /** The Go sources of a build, written to its cache directory. */
  static final List<String> SOURCES = List.of("go.mod", "go.sum", "main.go");

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
      System.out.println(
          "lattice-control-plane: Velero CRDs at " + VeleroCrds.directory(System.out));
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
      return JarSources.source(RESOURCES + (name.endsWith(".go") ? "" : directory), name);
    }

    /** A key that changes whenever this build's Go sources do. */
    String sourceKey() {
      return JarSources.key(SOURCES, this::source);
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
  static Path ensure(Build build, PrintStream log) {
    Path dir =
        BuildCache.root()
            .resolve("control-plane")
            .resolve(build.kubernetesVersion() + "-" + build.sourceKey());
    Path binary = dir.resolve("lattice-control-plane");
    if (Files.isExecutable(binary)) {
      return binary;
    }
    Path go = go();
    try {
      BuildCache.once(
          dir,
          () -> Files.isExecutable(binary), // another JVM built it while we waited
          () -> ControlPlaneGoBuild.compile(build, go, dir, binary, log));
      return binary;
    } catch (IOException e) {
      throw new ControlPlaneException("cannot build in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The go command: {@code $GO}, else {@code go} on the PATH, else Go's default install path. */
  static Path go() {
    return GoCommand.find();
  }

  /** The go command named by an environment, else the first executable of {@code defaults}. */
  static Path go(Map<String, String> env, List<Path> defaults) {
    return GoCommand.find(env, defaults);
  }

  /** A key that changes whenever the default build's Go sources do. */
  static String sourceKey() {
    return build("").sourceKey();
  }
}
