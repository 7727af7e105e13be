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
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.translate.StoreKey;
import java.util.Objects;

/**
 * Garbage collection: a store being deleted has its BSLs and mirrored Secrets deleted, then our
 * finalizer removed; what the metadata proves belongs to a store that no longer exists (an orphan)
 * is deleted. BSLs are deleted only when the BSL type exists.
 */
final class DeletionStep {
  private final boolean bslTypeExists;
  private final String finalizer;
  private final PlanAssembly actions;
  private final SecretMirrorStep secrets;
  private final BslStep bsls;

  DeletionStep(
      boolean bslTypeExists,
      String finalizer,
      PlanAssembly actions,
      SecretMirrorStep secrets,
      BslStep bsls) {
    this.bslTypeExists = bslTypeExists;
    this.finalizer = finalizer;
    this.actions = actions;
    this.secrets = secrets;
    this.bsls = bsls;
  }

  /** A store being deleted: deletes what it owns, then removes our finalizer if it has it. */
  void storeDeleted(BackupStore store, StoreKey key, ObservedIndex.Owned owned) {
    deleteAll(key, owned);
    ObjectMetadata meta = Objects.requireNonNull(store.metadata());
    if (meta.finalizers().contains(finalizer)) {
      actions.removeFinalizer(new Action.RemoveFinalizer(key, meta.resourceVersion()));
    }
  }

  /** Deletes what the metadata proves belongs to a store that does not exist. */
  void collectOrphans(ObservedIndex index) {
    index.forEachOrphan(this::deleteAll);
  }

  /** Deletes the BSLs (when the BSL type exists) and the Secrets that a store owns. */
  private void deleteAll(StoreKey owner, ObservedIndex.Owned owned) {
    if (bslTypeExists) {
      bsls.deleteAll(owner, owned);
    }
    secrets.deleteAll(owner, owned);
  }
}
