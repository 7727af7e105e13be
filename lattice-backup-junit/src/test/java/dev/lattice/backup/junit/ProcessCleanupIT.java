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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No control-plane process outlives the JVM that started it: not on a normal exit, not when the JVM
 * is killed; and a later start removes what a killed run left behind.
 */
class ProcessCleanupIT {

  /** A JVM that starts a bare control plane, prints the server's pid, and then does as told. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      ControlPlane plane = ControlPlane.start(List.of(), System.err);
      Runtime.getRuntime().addShutdownHook(new Thread(plane::close));
      System.out.println("pid " + plane.pid());
      System.out.flush();
      if (args.length > 0 && args[0].equals("exit")) {
        System.exit(0);
      }
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  private static Process child(String mode) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"), Child.class.getName(), mode)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static long serverPid(Process child) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("the child JVM's first line").startsWith("pid ");
    return Long.parseLong(line.substring(4).trim());
  }

  private static boolean goneWithin(long pid, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> p = ProcessHandle.of(pid);
      if (p.isEmpty() || !p.get().isAlive()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  @Test
  void theServerStopsWhenItsJvmIsKilled() throws Exception {
    Process child = child("sleep");
    long pid = serverPid(child);
    assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

    child.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(goneWithin(pid, Duration.ofSeconds(30)))
        .as("control-plane process %d outlived its killed JVM", pid)
        .isTrue();
  }

  @Test
  void theServerStopsWhenItsJvmExits() throws Exception {
    Process child = child("exit");
    long pid = serverPid(child);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(goneWithin(pid, Duration.ofSeconds(30))).isTrue();
  }

  @Test
  void aStartRemovesWhatAKilledRunLeftBehind() throws Exception {
    Path root = Files.createTempDirectory("stale-runs");
    // A stand-in for a server left running: a long sleep under the server's name.
    Path fake = root.resolve("lattice-control-plane");
    Files.copy(Path.of("/bin/sleep"), fake);
    fake.toFile().setExecutable(true);
    Process orphan = new ProcessBuilder(fake.toString(), "600").start();
    // Its run directory names a JVM that no longer exists.
    Process deadJvm = new ProcessBuilder("true").start();
    deadJvm.waitFor();
    Path run = Files.createDirectory(root.resolve(deadJvm.pid() + "-123"));
    Files.writeString(run.resolve("harness.pid"), Long.toString(orphan.pid()));
    // And a live run of this JVM must be left alone.
    Path live = Files.createDirectory(root.resolve(ProcessHandle.current().pid() + "-456"));

    try {
      StaleRuns.reap(root, "lattice-control-plane", System.err);

      assertThat(orphan.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(run).doesNotExist();
      assertThat(live).exists();
    } finally {
      orphan.destroyForcibly();
      StaleRuns.delete(root);
    }
  }
}
