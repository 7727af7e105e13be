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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the go command every Go build of the harness runs: {@code $GO}, else {@code go} on the
 * PATH, else Go's default install path; when there is none, says which Go the control plane's
 * go.mod needs.
 */
final class GoCommand {
  private GoCommand() {}

  /** The go command of this machine. */
  static Path find() {
    return find(System.getenv(), List.of(Path.of("/usr/local/go/bin/go")));
  }

  /** The go command named by an environment, else the first executable of {@code defaults}. */
  static Path find(Map<String, String> env, List<Path> defaults) {
    List<Path> candidates = new ArrayList<>();
    String explicit = env.get("GO");
    if (explicit != null && !explicit.isBlank()) {
      candidates.add(Path.of(explicit));
    }
    String path = Optional.ofNullable(env.get("PATH")).orElse("");
    for (String entry : path.split(File.pathSeparator, -1)) {
      if (!entry.isEmpty()) {
        candidates.add(Path.of(entry, "go"));
      }
    }
    candidates.addAll(defaults);
    for (Path c : candidates) {
      if (Files.isExecutable(c)) {
        return c;
      }
    }
    throw new ControlPlaneException(
        "Go is not installed: the real-server tests build kube-apiserver and etcd from their Go"
            + " modules and need Go "
            + goVersion()
            + " or newer on the PATH (install it from https://go.dev/doc/install or your"
            + " distribution's golang package, or set GO to the go command)");
  }

  private static String goVersion() {
    Matcher m =
        Pattern.compile("(?m)^go (\\S+)")
            .matcher(JarSources.source(ControlPlaneBinary.RESOURCES, "go.mod"));
    return m.find() ? m.group(1) : "1.26";
  }
}
