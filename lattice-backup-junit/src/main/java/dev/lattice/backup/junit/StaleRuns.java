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
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Removes what an earlier test JVM left behind: for every run directory whose JVM is gone, the
 * control-plane process it started (if it still runs) is killed and the directory deleted. Run
 * directories are named {@code <jvm pid>-<random>}; each holds the server's pid in {@code
 * harness.pid}.
 */
final class StaleRuns {
  private StaleRuns() {}

  static void reap(Path root, String binaryName, PrintStream log) throws IOException {
    try (Stream<Path> runs = Files.list(root)) {
      for (Path run : (Iterable<Path>) runs::iterator) {
        Optional<Long> owner = pidPrefix(run.getFileName().toString());
        if (owner.isEmpty()
            || ProcessHandle.of(owner.get()).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        Path pidFile = run.resolve("harness.pid");
        if (Files.isRegularFile(pidFile)) {
          long pid = Long.parseLong(Files.readString(pidFile).trim());
          ProcessHandle.of(pid)
              .filter(ProcessHandle::isAlive)
              .filter(p -> p.info().command().map(c -> c.endsWith(binaryName)).orElse(false))
              .ifPresent(
                  p -> {
                    log.println(
                        "lattice-control-plane: killing process "
                            + pid
                            + " left by an earlier run");
                    p.destroyForcibly();
                  });
        }
        delete(run);
      }
    }
  }

  static Optional<Long> pidPrefix(String name) {
    int dash = name.indexOf('-');
    if (dash <= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(name.substring(0, dash)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort: a later run tries again
                }
              });
    } catch (IOException e) {
      // best effort
    }
  }
}
