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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sh guard that keeps Velero, S3Proxy and fake-gcs-server from outliving the test JVM. */
class GuardTest {
  @TempDir Path dir;

  /** Starts a command under the guard, its stdin a pipe from this JVM (as Guard's users do). */
  private Process guarded(String... command) throws IOException {
    return new ProcessBuilder(Guard.command(dir, List.of(command)))
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .start();
  }

  private static Optional<ProcessHandle> sleeper(Process guard) throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      Optional<ProcessHandle> found =
          guard
              .descendants()
              .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
              .findFirst();
      if (found.isPresent()) {
        return found;
      }
      Thread.sleep(100);
    }
    return Optional.empty();
  }

  @Test
  void theChildStopsWhenTheJvmsEndOfStdinCloses() throws Exception {
    Process guard = guarded("sleep", "300");
    ProcessHandle child = sleeper(guard).orElseThrow(() -> new AssertionError("no sleep child"));
    assertThat(child.isAlive()).isTrue();

    // What happens when the JVM exits or is killed: the pipe's write end closes.
    guard.getOutputStream().close();

    assertThat(child.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(guard.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void theChildStopsEvenWhenTheGuardShellIsKilledFirst() throws Exception {
    Process guard = guarded("sleep", "300");
    ProcessHandle child = sleeper(guard).orElseThrow(() -> new AssertionError("no sleep child"));
    List<ProcessHandle> all = guard.descendants().toList();

    guard.destroyForcibly();
    guard.waitFor(10, TimeUnit.SECONDS);
    assertThat(child.isAlive()).as("the watcher still holds stdin").isTrue();
    guard.getOutputStream().close();

    assertThat(child.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    for (ProcessHandle p : all) {
      p.onExit().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aChildThatExitsByItselfEndsTheGuardWithItsExitCode() throws Exception {
    Process guard = guarded("sh", "-c", "exit 3");

    assertThat(guard.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(guard.exitValue()).isEqualTo(3);
    assertThat(Files.readString(dir.resolve("guard.sh"))).contains("kill -TERM");
    guard.getOutputStream().close();
  }

  @Test
  void stopClosesStdinAndWaits() throws Exception {
    Process guard = guarded("sleep", "300");
    ProcessHandle child = sleeper(guard).orElseThrow(() -> new AssertionError("no sleep child"));

    Guard.stop(guard);

    assertThat(guard.isAlive()).isFalse();
    assertThat(child.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
  }
}
