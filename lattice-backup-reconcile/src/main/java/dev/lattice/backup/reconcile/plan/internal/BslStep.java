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

import static dev.lattice.backup.reconcile.plan.internal.WriteChecks.owns;
import static dev.lattice.backup.reconcile.plan.internal.WriteChecks.version;

import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import java.util.Optional;

/**
 * The BSL step: applies a store's desired BSL when it is missing or its spec (the default aside) or
 * our labels differ, and deletes the BSLs a store owns under other names, or all of them when it is
 * deleted or gone. Never writes {@code default}: that is {@link DefaultStep}'s.
 */
final class BslStep {
  private final PlanAssembly actions;

  BslStep(PlanAssembly actions) {
    this.actions = actions;
  }

  /** Applies a store's desired BSL and deletes its stale ones. */
  void apply(StoreKey key, Prepared p, ObservedIndex.Owned owned) {
    BackupStorageLocation desired = p.bsl();
    ObservedBsl existing = p.existing();
    if (existing == null) {
      actions.applyBsl(new Action.ApplyBsl(key, desired, Optional.empty()));
    } else if (!existing.spec().withDefault(false).equals(desired.spec().withDefault(false))
        || !owns(existing.metadata(), desired.metadata())) {
      actions.applyBsl(new Action.ApplyBsl(key, desired, Optional.of(version(existing))));
    }
    for (ObservedBsl stale : owned.bsls) {
      if (!stale.name().equals(desired.name())) {
        delete(key, stale);
      }
    }
  }

  /** Deletes every BSL a store owns. */
  void deleteAll(StoreKey owner, ObservedIndex.Owned owned) {
    for (ObservedBsl bsl : owned.bsls) {
      delete(owner, bsl);
    }
  }

  private void delete(StoreKey owner, ObservedBsl bsl) {
    actions.deleteBsl(new Action.DeleteBsl(bsl.name(), Optional.of(owner), version(bsl)));
  }
}
