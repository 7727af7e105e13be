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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The sources this jar carries for the programs the harness builds or installs (Go modules, npm
 * package files), and the keys that name their cache directories: a key changes whenever the
 * sources do.
 */
final class JarSources {
  private JarSources() {}

  /** A source shipped in this jar, under a resource directory. */
  static String source(String resources, String name) {
    try (InputStream in = JarSources.class.getResourceAsStream(resources + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resources + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A key that changes whenever the named sources under a resource directory do. */
  static String key(String resources, List<String> names) {
    return key(names, name -> source(resources, name));
  }

  /** A key that changes whenever one of the named sources does (16 hex digits). */
  static String key(List<String> names, UnaryOperator<String> sources) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String name : names) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update(sources.apply(name).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
