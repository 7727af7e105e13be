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
package dev.lattice.backup.reconcile;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.translate.StoreKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which stores a plan is made over. A full pass plans every store. A pass for one store plans that
 * store and the stores that ask to be the default, because nothing else changes what that store's
 * own objects and status should be: the default is chosen among the stores that ask for it; a BSL
 * or Secret name held by another store is seen on the observed object itself (its owner labels), as
 * is an orphan; and the two stores deriving one BSL name would take a collision of 130-bit hashes,
 * which the full pass reports and which a focused pass still never writes through, since it writes
 * only objects it can prove are its store's. The default writer plans over the stores that ask to
 * be the default. Planning a focus costs what the focus holds (plus one look at each BSL and
 * mirrored Secret), not what the cluster holds; reads of credentials and of mirror names follow it.
 *
 * @param store the store in focus, if one
 * @param everything whether every store is in focus
 */
record Focus(Optional<StoreKey> store, boolean everything) {

  /** Every store: a full pass, or a dry run. */
  static Focus all() {
    return new Focus(Optional.empty(), true);
  }

  /** One store, and the stores asking to be the default. */
  static Focus store(StoreKey key) {
    return new Focus(Optional.of(key), false);
  }

  /** The stores asking to be the default: what moving the default depends on. */
  static Focus defaults() {
    return new Focus(Optional.empty(), false);
  }

  /**
   * The stores in focus, in their input order.
   *
   * @param stores every store
   * @return those in focus
   */
  List<BackupStore> select(List<BackupStore> stores) {
    if (everything) {
      return stores;
    }
    List<BackupStore> out = new ArrayList<>();
    for (BackupStore s : stores) {
      boolean asksForDefault = s.spec() != null && s.spec().isDefault();
      if (asksForDefault || (s.metadata() != null && store.equals(Optional.of(StoreKey.of(s))))) {
        out.add(s);
      }
    }
    return out;
  }
}
