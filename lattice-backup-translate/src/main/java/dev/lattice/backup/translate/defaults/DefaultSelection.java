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
package dev.lattice.backup.translate.defaults;

import dev.lattice.backup.translate.StoreKey;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which store is the cluster's default BackupStore, and why each other store that asked is not.
 * There is never more than one winner.
 *
 * @param winner the default store, if any
 * @param notDefault every other store that asked for {@code default: true}, with the reason
 * @param foreignDefaultsToUnset foreign BSLs whose {@code default} must be unset before the
 *     winner's is set (only under {@code TAKE_OVER}), sorted by name
 */
public record DefaultSelection(
    Optional<StoreKey> winner,
    SortedMap<StoreKey, NotDefault> notDefault,
    List<String> foreignDefaultsToUnset) {

  /**
   * Copies the collections and checks the winner is not also rejected.
   *
   * @param winner the default store
   * @param notDefault the rejected askers
   * @param foreignDefaultsToUnset foreign BSLs to unset
   */
  public DefaultSelection {
    Objects.requireNonNull(winner, "winner");
    notDefault = Collections.unmodifiableSortedMap(new TreeMap<>(notDefault));
    foreignDefaultsToUnset = List.copyOf(foreignDefaultsToUnset);
    if (winner.isPresent() && notDefault.containsKey(winner.get())) {
      throw new IllegalArgumentException("the winner cannot also be rejected: " + winner.get());
    }
  }

  /**
   * Whether the given store is the default.
   *
   * @param key the store
   * @return true for the winner
   */
  public boolean isDefault(StoreKey key) {
    return winner.filter(key::equals).isPresent();
  }

  /**
   * Why the given store is not the default, if it asked to be.
   *
   * @param key the store
   * @return the reason, or empty for the winner and for stores that did not ask
   */
  public Optional<NotDefault> whyNot(StoreKey key) {
    return Optional.ofNullable(notDefault.get(key));
  }
}
