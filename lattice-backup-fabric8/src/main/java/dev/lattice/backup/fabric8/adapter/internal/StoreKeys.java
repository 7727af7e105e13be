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
package dev.lattice.backup.fabric8.adapter.internal;

import dev.lattice.backup.translate.StoreKey;
import java.util.Optional;

/** Store keys as the controller writes them, {@code namespace/name}. */
public final class StoreKeys {
  private StoreKeys() {}

  /**
   * Reads a {@code namespace/name} key.
   *
   * @param text the text
   * @return the key, or empty when the text is not one
   */
  public static Optional<StoreKey> parse(String text) {
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
      return Optional.empty();
    }
    return Optional.of(new StoreKey(text.substring(0, slash), text.substring(slash + 1)));
  }
}
