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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The plumbing shared by the programs the harness runs: free loopback ports, server processes under
 * the {@link Guard} with their output in a log file, waiting for such a server to answer, the last
 * lines of a log, and long commands (builds, installs) that report progress while they run.
 */
final class Processes {
  private Processes() {}

  /** A port free on loopback right now. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Whether something accepts TCP connections on the loopback port. */
  @SuppressWarnings("try") // connecting is the test; the socket is never read
  static boolean accepts(int port) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A server's process, not yet started: {@code program} under the {@link Guard} (its script in
   * {@code dir}), stdout and stderr into {@code logFile}, stdin a pipe the guard watches.
   */
  static ProcessBuilder guarded(Path dir, List<String> program, Path logFile) throws IOException {
    return new ProcessBuilder(Guard.command(dir, program))
        .redirectErrorStream(true)
        .redirectOutput(logFile.toFile())
        .redirectInput(ProcessBuilder.Redirect.PIPE);
  }

  /**
   * Waits up to a minute for a server to be {@code ready}, polling every {@code pollMillis}; when
   * its process ends first or the minute passes, runs {@code stop} and fails with the last lines of
   * its log.
   *
   * @param name the server's name in the failure, such as {@code MinIO}
   */
  static void awaitReady(
      Process process,
      BooleanSupplier ready,
      long pollMillis,
      Runnable stop,
      String name,
      Path logFile)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!ready.getAsBoolean()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        stop.run();
        throw new ControlPlaneException(
            name + " did not start; last lines of " + logFile + ":\n" + tail(logFile, 20));
      }
      Thread.sleep(pollMillis);
    }
  }

  /**
   * Runs a long command (its redirections set by the caller) to its end with nothing on its stdin,
   * printing a line a minute while it runs.
   *
   * @param start when the work began, for the minutes printed
   * @return its exit code
   */
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

  /**
   * {@link #run Runs} a long command whose output goes to {@code logFile}, and fails when it exits
   * non-zero.
   *
   * @param what the command in the failure, such as {@code go build of kubectl}
   */
  static void runOrFail(ProcessBuilder pb, PrintStream log, long start, String what, Path logFile)
      throws IOException {
    int exit = run(pb, log, start);
    if (exit != 0) {
      throw failed(what, exit, logFile);
    }
  }

  /** The failure of a command that exited with {@code exit}, with the last lines of its log. */
  static ControlPlaneException failed(String what, int exit, Path logFile) {
    return new ControlPlaneException(
        what + " failed (exit " + exit + "); last lines of " + logFile + ":\n" + tail(logFile, 30));
  }

  /** The last lines of a log file, or a note that it cannot be read. */
  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }
}
