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
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.translate.StoreKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The status step: each live store's desired status and conditions ({@link StatusRules}), a status
 * patch where the store does not show it already, and when to look again though nothing changes
 * (soon while a store is pending, later while one has failed for a reason outside its spec).
 */
final class StatusStep {
  private final boolean bslTypeExists;
  private final String veleroNamespace;
  private final Instant now;
  private final PlanAssembly actions;
  private final TreeMap<StoreKey, BackupStoreStatus> statuses = new TreeMap<>();
  private boolean anyPending;
  private boolean anyExternallyFailed;

  StatusStep(boolean bslTypeExists, String veleroNamespace, Instant now, PlanAssembly actions) {
    this.bslTypeExists = bslTypeExists;
    this.veleroNamespace = veleroNamespace;
    this.now = now;
    this.actions = actions;
  }

  /**
   * Plans a live store's status.
   *
   * @param store the store
   * @param key its key
   * @param errors its spec's field errors
   * @param blocker why its BSL is not applied
   * @param reportedName the BSL the status reports on
   * @param reported that BSL as observed
   * @param verdict whether and why it is the default
   */
  void plan(
      BackupStore store,
      StoreKey key,
      List<FieldError> errors,
      Optional<StatusRules.Blocker> blocker,
      Optional<String> reportedName,
      Optional<ObservedBsl> reported,
      StatusRules.DefaultVerdict verdict) {
    StatusRules.Facts facts =
        new StatusRules.Facts(
            errors,
            blocker,
            reportedName,
            veleroNamespace,
            bslTypeExists,
            bslTypeExists ? reported : Optional.empty(),
            verdict);
    BackupStoreStatus status = StatusRules.desired(store, facts, now);
    statuses.put(key, status);
    if (status.phase() == BackupStorePhase.PENDING) {
      anyPending = true;
    } else if (status.phase() == BackupStorePhase.FAILED && errors.isEmpty()) {
      anyExternallyFailed = true;
    }
    if (!store.status().filter(status::equals).isPresent()) {
      actions.patchStatus(
          new Action.PatchStatus(
              key, Objects.requireNonNull(store.metadata()).resourceVersion(), status));
    }
  }

  /** Each live store's desired status. */
  SortedMap<StoreKey, BackupStoreStatus> statuses() {
    return statuses;
  }

  /** When to look again though nothing changes, if ever. */
  Optional<Duration> recheck(ReconcileOptions options) {
    if (anyPending) {
      return Optional.of(options.pendingRecheck());
    } else if (anyExternallyFailed) {
      return Optional.of(options.failedRecheck());
    }
    return Optional.empty();
  }
}
