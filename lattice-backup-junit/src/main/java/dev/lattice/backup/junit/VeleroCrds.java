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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Velero's CRD manifests, taken from Velero's own Go module (its v1 and v2alpha1 bases) through the
 * Go module proxy, and kept in the cache ({@link BuildCache}) per Velero version.
 */
final class VeleroCrds {
  private VeleroCrds() {}

  /**
   * The directory holding Velero's CRD manifests, fetched first when the cache lacks them.
   *
   * @param log where progress goes
   * @return the directory of YAML files
   */
  static Path directory(PrintStream log) {
    String version = ControlPlaneBinary.VELERO_VERSION;
    Path dir = BuildCache.root().resolve("velero-crds").resolve(version);
    if (Files.isRegularFile(dir.resolve("velero.io_backupstoragelocations.yaml"))) {
      return dir;
    }
    Path go = GoCommand.find();
    try {
      Files.createDirectories(dir.getParent());
      Path work = Files.createTempDirectory(dir.getParent(), "download");
      Path out = work.resolve("download.json");
      ProcessBuilder pb =
          new ProcessBuilder(
                  go.toString(),
                  "mod",
                  "download",
                  "-json",
                  "github.com/vmware-tanzu/velero@" + version)
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      log.println(
          "lattice-control-plane: fetching Velero " + version + "'s CRDs from its Go module");
      int exit = Processes.run(pb, log, System.nanoTime());
      String json = Files.readString(out);
      Matcher m = Pattern.compile("\"Dir\":\\s*\"([^\"]+)\"").matcher(json);
      if (exit != 0 || !m.find()) {
        throw new ControlPlaneException("go mod download of Velero failed:\n" + json.strip());
      }
      Path module = Path.of(m.group(1)).resolve("config").resolve("crd");
      Path staged = work.resolve("crds");
      Files.createDirectories(staged);
      for (String api : List.of("v1", "v2alpha1")) {
        try (var files = Files.list(module.resolve(api).resolve("bases"))) {
          for (Path f : (Iterable<Path>) files::iterator) {
            Files.copy(f, staged.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      try {
        Files.move(staged, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        if (!Files.isDirectory(dir)) {
          throw raced;
        }
      }
      return dir;
    } catch (IOException e) {
      throw new ControlPlaneException("cannot fetch Velero's CRDs: " + e.getMessage(), e);
    }
  }
}
