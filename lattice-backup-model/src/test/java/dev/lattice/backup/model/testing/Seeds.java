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
package dev.lattice.backup.model.testing;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.io.BackupStoreCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The seed's example stores ({@code /seed/*.yaml}), shared with other modules' tests. */
public final class Seeds {
  private Seeds() {}

  /**
   * The text of a seed file.
   *
   * @param file the file name, such as {@code s3-store.yaml}
   * @return the text
   */
  public static String text(String file) {
    try (InputStream in = Seeds.class.getResourceAsStream("/seed/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no seed file " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A seed file read strictly as a store.
   *
   * @param file the file name
   * @return the store
   */
  public static BackupStore store(String file) {
    return BackupStoreCodec.strict().read(text(file));
  }
}
