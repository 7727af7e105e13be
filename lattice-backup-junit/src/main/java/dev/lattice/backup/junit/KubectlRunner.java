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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the kubectl built beside the control-plane binary with a kubeconfig, feeding it stdin and
 * collecting its stdout and stderr through files in the control plane's run directory.
 */
final class KubectlRunner {
  private KubectlRunner() {}

  /**
   * Runs kubectl to its end, or for two minutes at most.
   *
   * @param kubectl the executable
   * @param kubeconfig whose identity it acts with
   * @param workDir where its output files go
   * @param stdin what the command reads on stdin, empty for nothing
   * @param args the arguments, such as {@code apply -f -}
   * @return its exit code and output
   * @throws ControlPlaneException when it cannot be run or does not end in time
   */
  static ControlPlane.CommandResult run(
      Path kubectl, Path kubeconfig, Path workDir, String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(kubectl.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(workDir, "kubectl-", ".out");
      Path err = Files.createTempFile(workDir, "kubectl-", ".err");
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      try (var in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new ControlPlaneException("kubectl " + String.join(" ", args) + " did not end");
      }
      return new ControlPlane.CommandResult(
          p.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new ControlPlaneException("cannot run " + kubectl + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("interrupted while kubectl ran", e);
    }
  }
}
