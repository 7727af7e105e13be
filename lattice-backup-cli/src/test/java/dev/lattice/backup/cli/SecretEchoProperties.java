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
package dev.lattice.backup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.testing.arbitraries.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No output of the command line (stdout and stderr of render and validate, in YAML and JSON, for
 * tenant and platform stores, and for text that is not even valid YAML) shows any piece of a
 * password written into an endpoint. See {@link Secrets} for the passwords and the window.
 */
class SecretEchoProperties {

  @Provide
  Arbitrary<String> passwords() {
    return Secrets.passwords();
  }

  private static String store(String namespace, String name, String endpoint) {
    // JSON: every character of the password survives a JSON string
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : endpoint.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\');
      }
      quoted.append(c);
    }
    quoted.append('"');
    return "{\"apiVersion\":\"lattice.dev/v1alpha1\",\"kind\":\"BackupStore\",\"metadata\":"
        + "{\"name\":\""
        + name
        + "\",\"namespace\":\""
        + namespace
        + "\"},\"spec\":{\"storage\":{\"provider\":\"s3Compatible\",\"s3\":{\"bucket\":\"bucket\","
        + "\"endpoint\":"
        + quoted
        + ",\"forcePathStyle\":true},\"credentialsSecretRef\":\"k\"}}}";
  }

  @Property(tries = 60)
  void noCommandLineOutputShowsAnyPieceOfAPasswordInAnEndpoint(@ForAll("passwords") String password)
      throws IOException {
    Path dir = Files.createTempDirectory("secret-echo");
    try {
      List<String> files = new ArrayList<>();
      int i = 0;
      for (String endpoint : Secrets.endpointsHiding(password)) {
        for (String namespace : List.of("team-a", "lattice-system")) {
          Path file = dir.resolve("s" + i + ".json");
          Files.writeString(file, store(namespace, "s" + i, endpoint), StandardCharsets.UTF_8);
          files.add(file.toString());
          i++;
        }
        Path broken = dir.resolve("broken" + i + ".yaml");
        Files.writeString(broken, "endpoint: " + endpoint + "\n  : [\n", StandardCharsets.UTF_8);
        files.add(broken.toString());
        i++;
      }
      List<Cli> runs = new ArrayList<>();
      for (String file : files) {
        runs.add(Cli.run("render", file));
        runs.add(Cli.run("render", "-o", "json", file));
        runs.add(Cli.run("validate", file));
      }
      runs.add(Cli.run("validate", dir.toString()));

      for (Cli run : runs) {
        assertThat(run.code()).isNotZero();
        assertThat(Secrets.leak(run.out(), password)).as(run.out()).isEmpty();
        assertThat(Secrets.leak(run.err(), password)).as(run.err()).isEmpty();
      }
    } finally {
      try (var paths = Files.walk(dir)) {
        paths
            .sorted(java.util.Comparator.reverseOrder())
            .forEach(
                p -> {
                  try {
                    Files.delete(p);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      }
    }
  }
}
