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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The control-plane process and the line protocol it speaks: launched in a run directory of its own
 * under {@code $TMPDIR/lattice-control-plane} (after reaping what killed runs left there), it
 * prints one {@code ready {json}} line, then answers each command on its stdin ({@code user …},
 * {@code compact}) with one line on its stdout, and stops on {@code stop} or when its stdin closes.
 */
final class ControlPlaneProcess {
  /** The binary's name, also the run directories' parent and the field manager of the harness. */
  static final String BINARY_NAME = "lattice-control-plane";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path runDir;
  private final Path logFile;
  private final BlockingQueue<String> replies;
  private final JsonNode ready;

  private ControlPlaneProcess(
      Process process, Path runDir, Path logFile, BlockingQueue<String> replies, JsonNode ready) {
    this.process = process;
    this.runDir = runDir;
    this.logFile = logFile;
    this.replies = replies;
    this.ready = ready;
  }

  /**
   * Starts the binary and waits up to four minutes for its {@code ready} line.
   *
   * @param binary the control-plane binary
   * @param apiServerFlags extra kube-apiserver flags, applied after (and so over) the defaults
   * @param log where progress goes
   * @return the process, ready
   * @throws ControlPlaneException when it does not start
   */
  static ControlPlaneProcess launch(Path binary, List<String> apiServerFlags, PrintStream log)
      throws IOException {
    Path root = Path.of(System.getProperty("java.io.tmpdir"), BINARY_NAME);
    Files.createDirectories(root);
    StaleRuns.reap(root, BINARY_NAME, log);
    Path runDir = Files.createTempDirectory(root, ProcessHandle.current().pid() + "-");
    Path logFile = runDir.resolve("control-plane.log");
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--dir");
    command.add(runDir.resolve("state").toString());
    command.add("--");
    command.addAll(apiServerFlags);
    Process process =
        new ProcessBuilder(command)
            .redirectError(logFile.toFile())
            .redirectOutput(ProcessBuilder.Redirect.PIPE)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    Files.writeString(runDir.resolve("harness.pid"), Long.toString(process.pid()));
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> readLines(process, lines), "lattice-control-plane-stdout");
    reader.setDaemon(true);
    reader.start();
    String first = await(lines, process, 4, TimeUnit.MINUTES);
    if (first == null || !first.startsWith("ready ")) {
      process.destroyForcibly();
      throw new ControlPlaneException(
          "the control plane did not start"
              + (first == null ? "" : ": " + first)
              + "; last lines of "
              + logFile
              + ":\n"
              + Processes.tail(logFile, 40));
    }
    JsonNode ready = JSON.readTree(first.substring("ready ".length()));
    return new ControlPlaneProcess(process, runDir, logFile, lines, ready);
  }

  private static void readLines(Process process, BlockingQueue<String> lines) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  private static @Nullable String await(
      BlockingQueue<String> lines, Process process, long timeout, TimeUnit unit) {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    try {
      while (System.nanoTime() < deadline) {
        String line = lines.poll(200, TimeUnit.MILLISECONDS);
        if (line != null) {
          return line;
        }
        if (!process.isAlive() && lines.isEmpty()) {
          return "exited with " + process.exitValue();
        }
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** What the {@code ready} line said: server, CA certificate, versions, kubeconfig, audit log. */
  JsonNode ready() {
    return ready;
  }

  /** The run directory, deleted by {@link #stop()}. */
  Path runDir() {
    return runDir;
  }

  /** The process's stderr. */
  Path logFile() {
    return logFile;
  }

  /** The process id. */
  long pid() {
    return process.pid();
  }

  /**
   * The command that mints a client certificate for a user in groups; its answer is {@code
   * kubeconfig <path>}.
   *
   * @throws IllegalArgumentException when a name is empty or holds white space
   */
  static String userCommand(String name, String... groups) {
    StringBuilder command = new StringBuilder("user ").append(requireWord(name));
    for (String g : groups) {
      command.append(' ').append(requireWord(g));
    }
    return command.toString();
  }

  private static String requireWord(String s) {
    if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("not a single word: \"" + s + "\"");
    }
    return s;
  }

  /**
   * Sends one command and waits up to two minutes for its one-line answer; the caller sends one
   * command at a time.
   */
  String send(String command) {
    try {
      OutputStream in = process.getOutputStream();
      in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      String reply = replies.poll(2, TimeUnit.MINUTES);
      if (reply == null) {
        throw new ControlPlaneException("no answer to " + command);
      }
      return reply;
    } catch (IOException e) {
      throw new ControlPlaneException("the control plane is gone: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("interrupted", e);
    }
  }

  /** Asks the process to stop, kills it when it has not within 20 seconds, deletes the run. */
  void stop() {
    try {
      OutputStream in = process.getOutputStream();
      in.write("stop\n".getBytes(StandardCharsets.UTF_8));
      in.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    StaleRuns.delete(runDir);
  }
}
