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
import java.util.concurrent.TimeUnit;

/**
 * The Go build of one Kubernetes build of the control plane ({@link ControlPlaneBinary.Build}):
 * writes its Go sources to {@code dir/src}, compiles the control-plane binary (kube-apiserver and
 * etcd) and kubectl from the same module with the Kubernetes version stamped in, and moves both
 * into place, kubectl first, so a cache directory with the server always has its kubectl.
 */
final class ControlPlaneGoBuild {
  private ControlPlaneGoBuild() {}

  /**
   * Builds the binary and its kubectl.
   *
   * @param build the Kubernetes build
   * @param go the go command
   * @param dir the cache directory of the build
   * @param binary where the control-plane binary goes, in {@code dir}
   * @param log where progress goes
   */
  static void compile(
      ControlPlaneBinary.Build build, Path go, Path dir, Path binary, PrintStream log)
      throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src);
    for (String name : ControlPlaneBinary.SOURCES) {
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
    ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.to(buildLog.toFile());
    goBuild(go, src, ldflags, tmp, ".", toLog, "go build", buildLog, log, start);
    // kubectl from the same module (go.mod names it as a tool), before the server binary is moved
    // into place: a cache directory with the server always has its kubectl.
    Path kubectl = dir.resolve(ControlPlaneBinary.KUBECTL);
    Path kubectlTmp = dir.resolve(ControlPlaneBinary.KUBECTL + ".tmp");
    ProcessBuilder.Redirect appendToLog = ProcessBuilder.Redirect.appendTo(buildLog.toFile());
    goBuild(
        go,
        src,
        ldflags,
        kubectlTmp,
        "k8s.io/kubernetes/cmd/kubectl",
        appendToLog,
        "go build of kubectl",
        buildLog,
        log,
        start);
    Files.move(
        kubectlTmp, kubectl, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Files.move(tmp, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    log.printf(
        "lattice-control-plane: built in %d s: %s%n",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), binary);
  }

  /** Runs one {@code go build} of a package into {@code out}; fails with its log's last lines. */
  private static void goBuild(
      Path go,
      Path src,
      String ldflags,
      Path out,
      String pkg,
      ProcessBuilder.Redirect output,
      String what,
      Path buildLog,
      PrintStream log,
      long start)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
                go.toString(), "build", "-trimpath", "-ldflags", ldflags, "-o", out.toString(), pkg)
            .directory(src.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output);
    pb.environment().put("CGO_ENABLED", "0");
    Processes.runOrFail(pb, log, start, what, buildLog);
  }
}
