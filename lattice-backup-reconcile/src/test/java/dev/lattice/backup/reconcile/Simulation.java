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
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.internal.ObservedState;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.translate.StoreKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Executes a plan on an observation, in the test, with the API server's semantics the planner
 * relies on (apply keeps Velero's status, foreign labels and the default; a finalizer removal
 * releases a store being deleted). Written independently of the reconciler and the in-memory
 * cluster.
 */
final class Simulation {
  private Simulation() {}

  static ObservedState execute(ObservedState state, Plan plan, String finalizer) {
    Map<StoreKey, BackupStore> stores = new LinkedHashMap<>();
    state.stores().forEach(s -> stores.put(StoreKey.of(s), s));
    Map<String, ObservedBsl> bsls = new LinkedHashMap<>();
    state.bsls().forEach(b -> bsls.put(b.name(), b));
    Map<String, MirroredSecret> secrets = new LinkedHashMap<>();
    state.mirrored().forEach(s -> secrets.put(s.name(), s));
    int version = 0;
    for (Action action : plan.actions()) {
      version++;
      if (action instanceof Action.SetDefault u) {
        ObservedBsl b = bsls.get(u.bslName());
        bsls.put(
            u.bslName(),
            new ObservedBsl(
                b.metadata().toBuilder().resourceVersion("sim-" + version).build(),
                b.spec().withDefault(u.value()),
                b.phase(),
                b.message()));
      } else if (action instanceof Action.ApplyBsl a) {
        ObservedBsl old = bsls.get(a.bsl().name());
        ObjectMetadata meta =
            (old == null ? a.bsl().metadata() : merge(old.metadata(), a.bsl().metadata()))
                .toBuilder().resourceVersion("sim-" + version).build();
        bsls.put(
            a.bsl().name(),
            new ObservedBsl(
                meta,
                a.bsl().spec().withDefault(old != null && old.isDefault()),
                old == null ? Optional.empty() : old.phase(),
                old == null ? Optional.empty() : old.message()));
      } else if (action instanceof Action.DeleteBsl d) {
        bsls.remove(d.bslName());
      } else if (action instanceof Action.ApplySecret a) {
        MirroredSecret old = secrets.get(a.secret().name());
        secrets.put(
            a.secret().name(),
            new MirroredSecret(
                (old == null ? a.secret().metadata() : merge(old.metadata(), a.secret().metadata()))
                    .toBuilder().resourceVersion("sim-" + version).build(),
                a.secret().data()));
      } else if (action instanceof Action.DeleteSecret d) {
        secrets.remove(d.secretName());
      } else if (action instanceof Action.PatchStatus p) {
        BackupStore s = stores.get(p.store());
        stores.put(
            p.store(),
            s.withStatus(p.status())
                .withMetadata(s.metadata().toBuilder().resourceVersion("sim-" + version).build()));
      } else if (action instanceof Action.AddFinalizer f) {
        BackupStore s = stores.get(f.store());
        List<String> finalizers = new ArrayList<>(s.metadata().finalizers());
        finalizers.add(finalizer);
        stores.put(
            f.store(),
            s.withMetadata(
                s.metadata().toBuilder()
                    .finalizers(finalizers)
                    .resourceVersion("sim-" + version)
                    .build()));
      } else if (action instanceof Action.RemoveFinalizer f) {
        BackupStore s = stores.get(f.store());
        List<String> finalizers = new ArrayList<>(s.metadata().finalizers());
        finalizers.remove(finalizer);
        if (finalizers.isEmpty() && s.metadata().isBeingDeleted()) {
          stores.remove(f.store());
        } else {
          stores.put(
              f.store(), s.withMetadata(s.metadata().toBuilder().finalizers(finalizers).build()));
        }
      } else {
        throw new AssertionError("unknown action " + action);
      }
    }
    return new ObservedState(
        List.copyOf(stores.values()),
        List.copyOf(bsls.values()),
        state.bslTypeExists(),
        List.copyOf(secrets.values()),
        state.sources(),
        state.occupants());
  }

  /**
   * What the reconciler does with a plan: every step but the default moves, then the default moves
   * of a plan made afresh from the result (the default writer).
   */
  static ObservedState reconcile(
      ObservedState state,
      Plan plan,
      dev.lattice.backup.reconcile.plan.ReconcileOptions options,
      java.time.Instant now) {
    ObservedState after = execute(state, plan.withoutDefaultMoves(), options.finalizer());
    Plan moves =
        dev.lattice.backup.reconcile.plan.internal.Planner.plan(after, options, now).defaultMoves();
    return execute(after, moves, options.finalizer());
  }

  private static ObjectMetadata merge(ObjectMetadata old, ObjectMetadata desired) {
    TreeMap<String, String> labels = new TreeMap<>(old.labels());
    labels.putAll(desired.labels());
    TreeMap<String, String> annotations = new TreeMap<>(old.annotations());
    annotations.putAll(desired.annotations());
    return old.toBuilder().labels(labels).annotations(annotations).build();
  }
}
