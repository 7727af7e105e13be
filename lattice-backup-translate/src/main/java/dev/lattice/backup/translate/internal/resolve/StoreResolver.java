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
package dev.lattice.backup.translate.internal.resolve;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.translate.Resolution;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.defaults.DefaultSelection;
import dev.lattice.backup.translate.internal.names.BslNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a backup's {@code storeRef}: what LatticeClusterBackup and LatticeService controllers
 * call. Pure.
 *
 * <p>An explicit ref names a store in the requester's own namespace, else in the platform
 * namespace: a tenant can use platform stores, never another tenant's. No ref means the default
 * store. Either way the store must be Ready.
 */
public final class StoreResolver {
  private final Map<StoreKey, BackupStore> byKey = new HashMap<>();
  private final DefaultSelection selection;
  private final TranslationOptions options;

  /**
   * A resolver over a set of stores.
   *
   * @param stores every store, in any order (a namespace and name held by two stores is ignored)
   * @param selection the default selection over the same stores
   * @param options the platform namespace
   */
  public StoreResolver(
      List<BackupStore> stores, DefaultSelection selection, TranslationOptions options) {
    Set<StoreKey> duplicated = StoreKey.duplicates(stores);
    for (BackupStore s : stores) {
      StoreKey key = StoreKey.of(s);
      if (!duplicated.contains(key)) {
        byKey.put(key, s);
      }
    }
    this.selection = selection;
    this.options = options;
  }

  /**
   * Resolves a reference.
   *
   * @param storeRef the store's name, or empty for the default
   * @param requesterNamespace the namespace of the backup asking
   * @return the resolution
   */
  public Resolution resolve(Optional<String> storeRef, String requesterNamespace) {
    if (storeRef.isPresent()) {
      String ref = storeRef.get();
      List<String> searched = new ArrayList<>(List.of(requesterNamespace));
      if (!requesterNamespace.equals(options.platformNamespace())) {
        searched.add(options.platformNamespace());
      }
      for (String ns : searched) {
        BackupStore found = byKey.get(new StoreKey(ns, ref));
        if (found != null) {
          return readiness(found, options);
        }
      }
      return new Resolution.NotFound(ref, searched);
    }
    if (selection.winner().isPresent()) {
      BackupStore winner = byKey.get(selection.winner().get());
      if (winner != null) {
        return readiness(winner, options);
      }
    }
    List<String> reasons = new ArrayList<>();
    selection
        .notDefault()
        .forEach(
            (key, why) -> reasons.add(key + ": " + why.reason().reason() + ": " + why.message()));
    if (reasons.isEmpty()) {
      reasons.add(
          "no BackupStore in namespace " + options.platformNamespace() + " has spec.default: true");
    }
    return new Resolution.NoDefault(reasons);
  }

  private static Resolution readiness(BackupStore store, TranslationOptions options) {
    Optional<BackupStoreStatus> status = store.status();
    BackupStorePhase phase = status.map(BackupStoreStatus::phase).orElse(BackupStorePhase.PENDING);
    if (phase != BackupStorePhase.READY) {
      return new Resolution.NotReady(
          store, phase, status.flatMap(BackupStoreStatus::message).orElse(""));
    }
    StoreKey key = StoreKey.of(store);
    return new Resolution.Resolved(
        store, BslNames.bslName(key.namespace(), key.name(), options.platformNamespace()));
  }
}
