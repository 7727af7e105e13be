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
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.translate.defaults.DefaultSelection;
import dev.lattice.backup.translate.defaults.ForeignBsl;
import dev.lattice.backup.translate.internal.defaults.DefaultSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * Builds the {@link TranslationPlan} of all stores at once: translates each, rejects stores that
 * share a namespace and name, has {@link BslNameConflicts} refuse stores whose BSL names collide,
 * selects the default and marks the winner's BSL. See {@link Translator#translateAll}.
 */
final class PlanBuilder {
  private PlanBuilder() {}

  /**
   * Translates every store and selects the default, with the BSL names from {@code namer}; see
   * {@link Translator#translateAll(List, List, TranslationOptions)}.
   *
   * @param stores every store, in any order
   * @param foreign the BSLs in Velero's namespace that this library does not manage
   * @param options the options
   * @param namer how a store's BSL name is derived
   * @return the plan
   */
  static TranslationPlan plan(
      List<BackupStore> stores,
      List<ForeignBsl> foreign,
      TranslationOptions options,
      Translator.Namer namer) {
    // One pass over the stores, in input order, so each is read once and where it lies: translate
    // it, note whether it asks to be the default, and hand its key to KeyOrder, which copies what
    // it needs while the store is at hand. Then order the keys; a key held by several stores is a
    // duplicate, whose translations are dropped. The plan's sorted map is built from the ordered
    // slots in one linear pass.
    int n = stores.size();
    TranslationResult[] translated = new TranslationResult[n];
    List<BackupStore> asking = new ArrayList<>();
    KeyOrder.Builder ordering = new KeyOrder.Builder(n);
    for (int i = 0; i < n; i++) {
      BackupStore store = stores.get(i);
      translated[i] = BslBuilder.translate(store, options, namer);
      if (store.spec() != null && store.spec().isDefault()) {
        asking.add(store);
      }
      ordering.add(StoreKey.of(store));
    }
    KeyOrder order = ordering.build();
    StoreKey[] keys = new StoreKey[n];
    TranslationResult[] results = new TranslationResult[n];
    int[] input = new int[n];
    Set<StoreKey> invalid = new HashSet<>();
    int size = 0;
    for (int p = 0; p < n; ) {
      StoreKey key = order.key(p);
      TranslationResult result = translated[order.inputIndex(p)];
      int next = p + 1;
      while (next < n && order.repeatsPrevious(next)) {
        next++;
      }
      if (next - p > 1) {
        result = duplicate(key);
      }
      if (result instanceof TranslationResult.Rejected) {
        invalid.add(key);
      }
      keys[size] = key;
      results[size] = result;
      input[size] = order.inputIndex(p);
      size++;
      p = next;
    }
    SortedMap<StoreKey, StoreKey> conflicts =
        BslNameConflicts.refuse(keys, results, input, size, stores, invalid);
    // Only the stores that ask to be the default can be candidates; the selector skips the rest.
    DefaultSelection selection = DefaultSelector.select(asking, foreign, options, invalid);
    Optional<StoreKey> winner = selection.winner();
    if (winner.isPresent()) {
      int at = Arrays.binarySearch(keys, 0, size, winner.get());
      if (at >= 0 && results[at] instanceof TranslationResult.Translated t) {
        results[at] = new TranslationResult.Translated(t.bsl().withDefault(true), t.mirror());
      }
    }
    return new TranslationPlan(new SortedRun<>(keys, results, size), selection, conflicts);
  }

  /** The rejection of every store whose namespace and name another store also has. */
  private static TranslationResult duplicate(StoreKey key) {
    return new TranslationResult.Rejected(
        List.of(
            FieldError.of(
                "metadata.name",
                FieldError.Type.DUPLICATE,
                key.toString(),
                "another BackupStore has the same namespace and name")));
  }
}
