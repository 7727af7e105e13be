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
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.translate.StoreKey;
import java.util.Optional;

/**
 * The Secret-mirroring step: copies a store's credentials into Velero's namespace when the copy is
 * missing or differs, and deletes the copies a store owns but no longer needs or may no longer keep
 * (its credentials revoked, the store deleted, or the store gone).
 */
final class SecretMirrorStep {
  private final PlanAssembly actions;

  SecretMirrorStep(PlanAssembly actions) {
    this.actions = actions;
  }

  /** Applies a store's desired copy, if any, and deletes its other copies. */
  void apply(StoreKey key, Prepared p, ObservedIndex.Owned owned) {
    Optional<MirroredSecret> desiredSecret = p.secret();
    if (desiredSecret.isPresent()) {
      MirroredSecret want = desiredSecret.get();
      MirroredSecret have = p.existingSecret();
      if (have == null) {
        actions.applySecret(new Action.ApplySecret(key, want, Optional.empty()));
      } else if (!have.data().equals(want.data()) || !owns(have.metadata(), want.metadata())) {
        actions.applySecret(
            new Action.ApplySecret(key, want, Optional.of(version(have.metadata()))));
      }
    }
    for (MirroredSecret secret : owned.secrets) {
      if (desiredSecret.filter(s -> s.name().equals(secret.name())).isEmpty()) {
        delete(key, secret);
      }
    }
  }

  /**
   * Deletes every copy a store owns: its credentials were revoked (no copy of them may outlive
   * their source), or it is deleted or gone.
   */
  void deleteAll(StoreKey owner, ObservedIndex.Owned owned) {
    for (MirroredSecret secret : owned.secrets) {
      delete(owner, secret);
    }
  }

  private void delete(StoreKey owner, MirroredSecret secret) {
    actions.deleteSecret(
        new Action.DeleteSecret(secret.name(), Optional.of(owner), version(secret.metadata())));
  }
}
