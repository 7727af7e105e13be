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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a program under a small {@code sh} guard that stops it (SIGTERM) when the JVM's end of the
 * guard's standard input closes: when the harness closes it, and when the JVM exits or is killed.
 * So no server a test starts outlives the test JVM.
 */
final class Guard {
  /**
   * fd 3 keeps stdin for the watcher: an asynchronous list's stdin would otherwise be /dev/null.
   */
  private static final String SCRIPT =
      "exec 3<&0\n"
          + "\"$@\" </dev/null &\n"
          + "child=$!\n"
          + "(cat <&3 >/dev/null; kill -TERM \"$child\" 2>/dev/null) &\n"
          + "wait \"$child\"\n";

  private Guard() {}

  /**
   * The command that runs {@code program} under the guard.
   *
   * @param dir where the guard script is written
   * @param program the program and its arguments
   * @return the command line
   */
  static List<String> command(Path dir, List<String> program) throws IOException {
    Path script = dir.resolve("guard.sh");
    Files.writeString(script, SCRIPT);
    List<String> command = new ArrayList<>();
    command.add("/bin/sh");
    command.add(script.toString());
    command.addAll(program);
    return command;
  }

  /** Stops a guarded process: closes its stdin, then kills it and its children if need be. */
  static void stop(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // already closed
    }
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
