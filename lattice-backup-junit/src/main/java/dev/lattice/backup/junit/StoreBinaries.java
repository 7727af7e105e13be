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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object store side's Go builds, each from a module of its own into a cache directory keyed on
 * that module's sources only: Velero's Azure plugin ({@code src/main/go-velero-azure}) and MinIO's
 * server ({@code src/main/go-minio}). {@link VeleroBinaries#main} builds them ahead of the tests.
 */
final class StoreBinaries {
  private static final String AZURE_RESOURCES = "/dev/lattice/backup/junit/velero-azure/";
  private static final String MINIO_RESOURCES = "/dev/lattice/backup/junit/minio/";
  private static final String AZURE_MODULE =
      "github.com/vmware-tanzu/velero-plugin-for-microsoft-azure";

  /**
   * The environment variable that may name a file-based Go module mirror (a directory in GOPROXY's
   * layout) to try before the usual proxy, for the Azure plugin's build only.
   */
  static final String MIRROR_VARIABLE = "LATTICE_GO_MODULE_MIRROR";

  /**
   * The system property that may name such a mirror when {@link #MIRROR_VARIABLE} is unset; used
   * only when the directory exists (the build passes {@code ../shared/goproxy} beside the
   * checkout).
   */
  static final String MIRROR_PROPERTY = "lattice.go.mirror";

  /** The Azure plugin's executable name, in Velero's plugin directory. */
  static final String AZURE_PLUGIN = "velero-plugin-for-microsoft-azure";

  private StoreBinaries() {}

  /**
   * The Azure plugin's version, as its go.mod requires it.
   *
   * @return such as {@code v1.14.0-rc.1}
   */
  static String azurePluginVersion() {
    Matcher m =
        Pattern.compile("^require " + Pattern.quote(AZURE_MODULE) + " (v\\S+)", Pattern.MULTILINE)
            .matcher(JarSources.source(AZURE_RESOURCES, "go.mod"));
    if (!m.find()) {
      throw new IllegalStateException("go-velero-azure/go.mod requires no " + AZURE_MODULE);
    }
    return m.group(1);
  }

  /**
   * The Azure object store plugin (Go module in {@code src/main/go-velero-azure}), built first when
   * the cache lacks it, in a cache directory of its own keyed on its sources only. When {@value
   * #MIRROR_VARIABLE} names a directory, that file-based module mirror is tried before the usual
   * GOPROXY (for this build only); it never changes the cache key.
   *
   * @param log where progress goes
   * @return the executable
   */
  static Path azurePlugin(PrintStream log) {
    Path dir =
        BuildCache.root()
            .resolve("velero-azure")
            .resolve(
                azurePluginVersion()
                    + "-"
                    + JarSources.key(AZURE_RESOURCES, VeleroBinaries.SOURCES));
    Path binary = dir.resolve(AZURE_PLUGIN);
    VeleroBinaries.buildOnce(
        dir,
        () -> Files.isExecutable(binary),
        AZURE_RESOURCES,
        (go, src) -> {
          Map<String, String> env = new HashMap<>();
          String mirror = System.getenv(MIRROR_VARIABLE);
          String fallback = System.getProperty(MIRROR_PROPERTY, "");
          if ((mirror == null || mirror.isBlank())
              && !fallback.isBlank()
              && Files.isDirectory(Path.of(fallback))) {
            mirror = fallback; // only when it is there: never required
          }
          if (mirror != null && !mirror.isBlank()) {
            Path m = Path.of(mirror).toAbsolutePath().normalize();
            if (!Files.isDirectory(m)) {
              throw new ControlPlaneException(
                  MIRROR_VARIABLE + " names " + m + ", which is not a directory");
            }
            env.put("GOPROXY", "file://" + m + "," + goEnv(go, src, "GOPROXY"));
            env.put("GONOSUMDB", AZURE_MODULE);
            log.println(
                "lattice-velero: Go module mirror " + m + " tried first for " + AZURE_MODULE);
          }
          VeleroBinaries.build(go, src, env, AZURE_MODULE + "/" + AZURE_PLUGIN, "", binary, log);
        });
    return binary;
  }

  /**
   * MinIO's server (Go module in {@code src/main/go-minio}), built first when the cache lacks it.
   *
   * @param log where progress goes
   * @return the executable
   */
  static Path minio(PrintStream log) {
    Path dir =
        BuildCache.root()
            .resolve("minio")
            .resolve(JarSources.key(MINIO_RESOURCES, VeleroBinaries.SOURCES));
    Path binary = dir.resolve("minio");
    VeleroBinaries.buildOnce(
        dir,
        () -> Files.isExecutable(binary),
        MINIO_RESOURCES,
        (go, src) -> {
          VeleroBinaries.build(
              go,
              src,
              Map.of(VeleroBinaries.TAGS, "kqueue"),
              "github.com/minio/minio",
              "",
              binary,
              log);
        });
    return binary;
  }

  private static String goEnv(Path go, Path src, String name) throws IOException {
    Process p =
        new ProcessBuilder(go.toString(), "env", name)
            .directory(src.toFile())
            .redirectErrorStream(true)
            .start();
    String value = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      if (p.waitFor() != 0 || value.isEmpty()) {
        return "https://proxy.golang.org,direct";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking go for " + name, e);
    }
    return value;
  }
}
