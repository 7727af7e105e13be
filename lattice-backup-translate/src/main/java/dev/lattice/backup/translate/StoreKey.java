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
package dev.lattice.backup.translate;

import dev.lattice.backup.model.BackupStore;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A BackupStore's identity: namespace and name. Ordered by namespace, then name.
 *
 * @param namespace the namespace
 * @param name the name
 */
public record StoreKey(String namespace, String name) implements Comparable<StoreKey> {

  /**
   * Checks nothing is null.
   *
   * @param namespace the namespace
   * @param name the name
   */
  public StoreKey {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /**
   * The key of a store; a missing namespace or name reads as empty.
   *
   * @param store the store
   * @return its key
   */
  public static StoreKey of(BackupStore store) {
    var meta = store.metadata();
    if (meta == null) {
      return new StoreKey("", "");
    }
    return new StoreKey(meta.namespace().orElse(""), Objects.requireNonNullElse(meta.name(), ""));
  }

  /**
   * Reads a key written as {@code namespace/name} (how the controller names the store a BSL or a
   * mirrored Secret belongs to, and its work-queue keys): the one parser of such strings.
   *
   * @param text the text
   * @return the key, or empty unless the text is two non-empty parts around exactly one slash
   */
  public static Optional<StoreKey> parse(String text) {
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
      return Optional.empty();
    }
    return Optional.of(new StoreKey(text.substring(0, slash), text.substring(slash + 1)));
  }

  /**
   * The keys held by more than one of the stores.
   *
   * @param stores the stores
   * @return the duplicated keys
   */
  public static Set<StoreKey> duplicates(List<BackupStore> stores) {
    Set<StoreKey> seen = new HashSet<>(stores.size() * 2);
    Set<StoreKey> duplicated = new HashSet<>();
    for (BackupStore store : stores) {
      StoreKey key = of(store);
      if (!seen.add(key)) {
        duplicated.add(key);
      }
    }
    return duplicated;
  }

  @Override
  public int compareTo(StoreKey other) {
    int byNamespace = namespace.compareTo(other.namespace);
    return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
  }

  /** {@code namespace/name}. */
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
