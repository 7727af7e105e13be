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
package dev.lattice.backup.reconcile.plan.internal;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.translate.StoreKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stores that have metadata, in key order, with their keys, each computed once. The order is
 * stable: stores with equal keys keep their input order. Input already in key order (as a list from
 * the API server or the in-memory cluster usually is) is checked in one pass and kept; other input
 * is sorted by namespace rank (the few distinct namespaces are sorted once), then by name, so that
 * most comparisons are of two ints.
 */
final class StoresByKey {
  private final List<BackupStore> stores;
  private final StoreKey[] keys;

  private StoresByKey(List<BackupStore> stores, StoreKey[] keys) {
    this.stores = stores;
    this.keys = keys;
  }

  static StoresByKey of(List<BackupStore> input) {
    List<BackupStore> kept = new ArrayList<>(input.size());
    for (BackupStore store : input) {
      if (store.metadata() != null) {
        kept.add(store);
      }
    }
    int n = kept.size();
    StoreKey[] keys = new StoreKey[n];
    boolean ordered = true;
    for (int i = 0; i < n; i++) {
      keys[i] = StoreKey.of(kept.get(i));
      ordered = ordered && (i == 0 || keys[i - 1].compareTo(keys[i]) <= 0);
    }
    if (ordered) {
      return new StoresByKey(kept, keys);
    }
    Map<String, Integer> ids = new HashMap<>();
    List<String> namespaces = new ArrayList<>();
    for (StoreKey key : keys) {
      if (ids.putIfAbsent(key.namespace(), namespaces.size()) == null) {
        namespaces.add(key.namespace());
      }
    }
    String[] byName = namespaces.toArray(new String[0]);
    Arrays.sort(byName);
    int[] rankOfId = new int[byName.length];
    for (int r = 0; r < byName.length; r++) {
      rankOfId[Objects.requireNonNull(ids.get(byName[r]))] = r;
    }
    Slot[] slots = new Slot[n];
    for (int i = 0; i < n; i++) {
      slots[i] =
          new Slot(
              rankOfId[Objects.requireNonNull(ids.get(keys[i].namespace()))], keys[i].name(), i);
    }
    Arrays.sort(slots, Slot.ORDER); // stable
    List<BackupStore> sortedStores = new ArrayList<>(n);
    StoreKey[] sortedKeys = new StoreKey[n];
    for (int p = 0; p < n; p++) {
      sortedStores.add(kept.get(slots[p].index()));
      sortedKeys[p] = keys[slots[p].index()];
    }
    return new StoresByKey(sortedStores, sortedKeys);
  }

  List<BackupStore> stores() {
    return stores;
  }

  StoreKey[] keys() {
    return keys;
  }

  /** The first store of the given key, as a scan of {@link #stores()} would find it. */
  Optional<BackupStore> first(StoreKey key) {
    int at = firstIndex(key);
    return at < 0 ? Optional.empty() : Optional.of(stores.get(at));
  }

  /** The position of the first store of the given key, or -1 if there is none. */
  int firstIndex(StoreKey key) {
    int at = Arrays.binarySearch(keys, key);
    if (at < 0) {
      return -1;
    }
    while (at > 0 && keys[at - 1].equals(key)) {
      at--;
    }
    return at;
  }

  /** A store's place in the sort: its namespace's rank, its name, its input index. */
  private record Slot(int rank, String name, int index) {
    static final Comparator<Slot> ORDER =
        (a, b) -> a.rank != b.rank ? Integer.compare(a.rank, b.rank) : a.name.compareTo(b.name);
  }
}
