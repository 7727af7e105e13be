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
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The layout of the cache the harness builds and installs into, and the file lock that makes
 * concurrent JVMs fill each of its directories once.
 *
 * <p>The cache lives in {@code $LATTICE_BACKUP_CACHE}, else {@code $XDG_CACHE_HOME/lattice-backup},
 * else {@code ~/.cache/lattice-backup}: outside any build directory, so {@code mvn clean} keeps it.
 */
final class BuildCache {
  private BuildCache() {}

  /** Work that fills a cache directory. */
  @FunctionalInterface
  interface Work {
    void run() throws IOException;
  }

  /** The cache root, outside any build directory. */
  static Path root() {
    Map<String, String> env = System.getenv();
    String explicit = env.get("LATTICE_BACKUP_CACHE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "lattice-backup");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "lattice-backup");
  }

  /**
   * Creates {@code dir} and, holding the lock {@code dir/.lock}, runs {@code work} unless {@code
   * done} holds by then (another JVM did the work while this one waited for the lock).
   */
  @SuppressWarnings("try") // the lock is held for the try block, never read
  static void once(Path dir, BooleanSupplier done, Work work) throws IOException {
    Files.createDirectories(dir);
    try (FileChannel lockFile =
            FileChannel.open(
                dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      if (!done.getAsBoolean()) {
        work.run();
      }
    }
  }
}
