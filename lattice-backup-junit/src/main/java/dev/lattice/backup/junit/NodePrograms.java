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
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Node.js programs the harness runs: Azurite, installed by {@code npm ci} from the package.json and
 * package-lock.json in {@code src/main/azurite} into the cache, once per version.
 */
final class NodePrograms {
  private static final String RESOURCES = "/dev/lattice/backup/junit/azurite/";

  private NodePrograms() {}

  /** Azurite's blob server script, after {@code npm ci} into the cache when it is missing. */
  static Path azurite(PrintStream log) {
    Path dir = BuildCache.root().resolve("azurite").resolve(AzureEmulator.AZURITE_VERSION);
    Path main = dir.resolve("node_modules/azurite/dist/src/blob/main.js");
    if (Files.isRegularFile(main)) {
      return main;
    }
    Path npm = onPath("npm");
    try {
      BuildCache.once(dir, () -> Files.isRegularFile(main), () -> npmCi(npm, dir, main, log));
      return main;
    } catch (IOException e) {
      throw new ControlPlaneException(
          "cannot install Azurite in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Writes Azurite's package files into {@code dir} and runs {@code npm ci} there. */
  private static void npmCi(Path npm, Path dir, Path main, PrintStream log) throws IOException {
    for (String name : List.of("package.json", "package-lock.json")) {
      Files.writeString(dir.resolve(name), JarSources.source(RESOURCES, name));
    }
    Path npmLog = dir.resolve("npm-ci.log");
    log.println(
        "lattice-azure-emulator: npm ci of Azurite "
            + AzureEmulator.AZURITE_VERSION
            + " in "
            + dir);
    long start = System.nanoTime();
    ProcessBuilder pb =
        new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(npmLog.toFile());
    int exit = Processes.run(pb, log, start);
    if (exit != 0 || !Files.isRegularFile(main)) {
      throw Processes.failed("npm ci of Azurite", exit, npmLog);
    }
    log.printf(
        "lattice-azure-emulator: installed in %d s%n",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
  }

  static Path onPath(String program) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String entry : path.split(File.pathSeparator, -1)) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, program))) {
        return Path.of(entry, program);
      }
    }
    throw new ControlPlaneException(
        "Node.js is not installed: the Azure tests run Azurite "
            + AzureEmulator.AZURITE_VERSION
            + ", installed with npm, and need node and npm (Node 20) on the PATH; '"
            + program
            + "' is not there");
  }
}
