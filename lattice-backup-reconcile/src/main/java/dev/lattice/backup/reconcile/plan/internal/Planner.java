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
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TranslationPlan;
import dev.lattice.backup.translate.TranslationResult;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.bsl.BslLabels;
import dev.lattice.backup.translate.defaults.DefaultSelection;
import dev.lattice.backup.translate.internal.defaults.DefaultSelector;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * Plans a reconcile: a pure function from an {@link ObservedState} to a {@link Plan}.
 *
 * <ul>
 *   <li>Converged state: an empty plan. Only differences in the fields this library owns cause a
 *       write; server-set metadata and Velero's status are ignored.
 *   <li>Ownership: a BSL or mirrored Secret belongs to a store only when its labels and annotation
 *       prove it ({@link BslLabels#provenOwner}). Nothing else is ever written or deleted: a store
 *       whose BSL or Secret name is held by anything else reports {@code NameConflict} and keeps
 *       its hands off, at creation and at deletion, and an object labelled as ours that names no
 *       store is left alone. Writes are conditional on the version observed (create only, or update
 *       that version), so an object that appears or changes after the observation is not touched
 *       either.
 *   <li>A store being deleted: its BSL and mirrored Secret are deleted, then our finalizer removed.
 *       A BSL of ours whose store no longer exists is deleted (orphan collection).
 *   <li>An invalid store keeps its last good BSL (deleting it would silently detach its backups);
 *       it reports {@code Failed} and, if that BSL was the default, loses the default.
 *   <li>The default moves only through {@link Action.SetDefault} steps: every BSL that should not
 *       be the default is unset before the winner's existing BSL is set. The reconciler runs these
 *       steps in its single default writer, never from a per-store reconcile.
 * </ul>
 *
 * <p>The steps, each in a class of its own: {@code ObservedIndex} (owners and occupants by name),
 * {@code StoresByKey} (the stores in key order), {@code DesiredObjects} (each store's BSL and
 * Secret and what blocks them, with {@code NameConflicts} and {@link CredentialsRule}), then per
 * store {@code LiveStoreStep} ({@code SecretMirrorStep}, {@code BslStep}, {@code DefaultStep}'s
 * verdict, {@code StatusStep}) or {@code DeletionStep}, then orphan collection, {@code
 * DefaultStep}'s moves, and {@code PlanAssembly}. None does I/O, reads a clock or logs.
 */
public final class Planner {

  private Planner() {}

  /**
   * Plans one reconcile over the whole observed state.
   *
   * @param observed what the cluster holds
   * @param options the options
   * @param now the current time, used only for condition transition times
   * @return the plan
   */
  public static Plan plan(ObservedState observed, ReconcileOptions options, Instant now) {
    ObservedIndex index = ObservedIndex.of(observed);
    TranslationOptions topts = options.translation();
    // The stores in key order, each key computed once; translateAll then finds them in order,
    // and its results are matched to them by walking both in step, not by look-ups.
    StoresByKey byKey = StoresByKey.of(observed.stores());
    List<BackupStore> stores = byKey.stores();
    StoreKey[] keys = byKey.keys();
    TranslationPlan translation = Translator.translateAll(stores, index.foreign(), topts);
    TranslationResult[] results = inStoreOrder(translation.results(), keys);
    Set<StoreKey> cannotWin = new HashSet<>();
    Prepared[] prepared =
        new DesiredObjects(observed, index, topts)
            .prepareAll(byKey, results, translation, cannotWin);
    DefaultSelection selection = DefaultSelector.select(stores, index.foreign(), topts, cannotWin);

    PlanAssembly actions = new PlanAssembly();
    boolean velero = observed.bslTypeExists();
    SecretMirrorStep secrets = new SecretMirrorStep(actions);
    BslStep bsls = new BslStep(actions);
    DefaultStep defaults = new DefaultStep(index, options.finalizer(), actions, selection);
    StatusStep status = new StatusStep(velero, topts.veleroNamespace(), now, actions);
    DeletionStep deletion = new DeletionStep(velero, options.finalizer(), actions, secrets, bsls);
    LiveStoreStep live =
        new LiveStoreStep(velero, options.finalizer(), actions, secrets, bsls, defaults, status);
    ObservedIndex.Owned owned = ObservedIndex.Owned.NONE;
    for (int i = 0; i < keys.length; i++) {
      BackupStore store = stores.get(i);
      StoreKey key = keys[i];
      // Stores of equal keys are next to each other and share what they own.
      if (i == 0 || !keys[i - 1].equals(key)) {
        owned = index.takeOwned(key);
      }
      if (Objects.requireNonNull(store.metadata()).isBeingDeleted()) {
        deletion.storeDeleted(store, key, owned);
      } else {
        TranslationResult result = Objects.requireNonNull(results[i], "translation of " + key);
        live.plan(store, key, owned, prepared[i], result);
      }
    }
    deletion.collectOrphans(index);
    if (velero) {
      defaults.planMoves(byKey, prepared);
    }
    return actions.assemble(status.statuses(), status.recheck(options));
  }

  /**
   * The translation results lined up with the sorted keys (null where there is none): both are in
   * key order, so one walk over both does it.
   */
  private static @Nullable TranslationResult[] inStoreOrder(
      SortedMap<StoreKey, TranslationResult> results, StoreKey[] keys) {
    TranslationResult[] out = new TranslationResult[keys.length];
    Iterator<Map.Entry<StoreKey, TranslationResult>> it = results.entrySet().iterator();
    Map.Entry<StoreKey, TranslationResult> entry = it.hasNext() ? it.next() : null;
    for (int i = 0; i < keys.length; i++) {
      while (entry != null && entry.getKey().compareTo(keys[i]) < 0) {
        entry = it.hasNext() ? it.next() : null;
      }
      if (entry != null && entry.getKey().equals(keys[i])) {
        out[i] = entry.getValue();
      }
    }
    return out;
  }
}
