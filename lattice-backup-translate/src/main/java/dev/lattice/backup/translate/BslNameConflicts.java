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
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.validation.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Two stores never share a location: when translated stores' BSL names are equal (which takes a
 * collision of the names' 130-bit hashes, or a weaker naming function in a test), the oldest store
 * (by {@code creationTimestamp}, then namespace and name) keeps the name and every later one is
 * rejected on {@code metadata.name}.
 */
final class BslNameConflicts {
  private BslNameConflicts() {}

  /**
   * Finds translated stores whose BSL names are equal and rejects all but the oldest of each name.
   * Names are almost always distinct, so the common case is one hash map of the names.
   *
   * @param keys the plan's keys, sorted, in its first {@code size} slots
   * @param results each slot's result; a refused store's becomes a rejection on {@code
   *     metadata.name}
   * @param input each slot's index in {@code stores}
   * @param size how many slots are used
   * @param stores the stores, in input order
   * @param invalid the keys of rejected stores, to which the refused ones are added
   * @return each refused store's key, mapped to the key of the store that keeps the name
   */
  static SortedMap<StoreKey, StoreKey> refuse(
      StoreKey[] keys,
      TranslationResult[] results,
      int[] input,
      int size,
      List<BackupStore> stores,
      Set<StoreKey> invalid) {
    Map<String, Integer> first = new HashMap<>(size * 2);
    List<Integer> clashing = new ArrayList<>(0);
    for (int slot = 0; slot < size; slot++) {
      if (results[slot] instanceof TranslationResult.Translated t) {
        Integer previous = first.putIfAbsent(t.bsl().name(), slot);
        if (previous != null) {
          clashing.add(previous);
          clashing.add(slot);
        }
      }
    }
    TreeMap<StoreKey, StoreKey> conflicts = new TreeMap<>();
    if (clashing.isEmpty()) {
      return conflicts;
    }
    Map<String, List<Integer>> byName = new TreeMap<>();
    for (int slot : clashing) {
      String name = ((TranslationResult.Translated) results[slot]).bsl().name();
      List<Integer> group = byName.computeIfAbsent(name, k -> new ArrayList<>());
      if (!group.contains(slot)) {
        group.add(slot);
      }
    }
    Comparator<Integer> older =
        Comparator.comparing(
                (Integer slot) ->
                    Optional.ofNullable(stores.get(input[slot]).metadata())
                        .flatMap(ObjectMetadata::creationTimestamp)
                        .orElse(Instant.MAX))
            .thenComparing(slot -> keys[slot]);
    for (Map.Entry<String, List<Integer>> group : byName.entrySet()) {
      List<Integer> slots = new ArrayList<>(group.getValue());
      slots.sort(older);
      StoreKey holder = keys[slots.get(0)];
      for (int slot : slots.subList(1, slots.size())) {
        conflicts.put(keys[slot], holder);
        invalid.add(keys[slot]);
        results[slot] =
            new TranslationResult.Rejected(
                List.of(
                    FieldError.of(
                        "metadata.name",
                        FieldError.Type.FORBIDDEN,
                        "this store's BackupStorageLocation name "
                            + group.getKey()
                            + " is already BackupStore "
                            + holder
                            + "'s: two stores never share a location; rename this store")));
      }
    }
    return conflicts;
  }
}
