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
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.TranslationResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The steps for a store that is not being deleted: our finalizer first; then, for a valid store
 * that nothing blocks, its mirrored Secret and its BSL (when the BSL type exists); for a blocked
 * store whose credentials were revoked, the deletion of its copies (the BSL stays); then its
 * default verdict and its status. An invalid store keeps its last good BSL (deleting it would
 * silently detach its backups) and reports {@code Failed}.
 */
final class LiveStoreStep {
  private final boolean bslTypeExists;
  private final String finalizer;
  private final PlanAssembly actions;
  private final SecretMirrorStep secrets;
  private final BslStep bsls;
  private final DefaultStep defaults;
  private final StatusStep status;

  LiveStoreStep(
      boolean bslTypeExists,
      String finalizer,
      PlanAssembly actions,
      SecretMirrorStep secrets,
      BslStep bsls,
      DefaultStep defaults,
      StatusStep status) {
    this.bslTypeExists = bslTypeExists;
    this.finalizer = finalizer;
    this.actions = actions;
    this.secrets = secrets;
    this.bsls = bsls;
    this.defaults = defaults;
    this.status = status;
  }

  /**
   * Plans a live store.
   *
   * @param store the store
   * @param key its key
   * @param owned what its key owns
   * @param found its prepared objects, or null when it was rejected
   * @param result its translation
   */
  void plan(
      BackupStore store,
      StoreKey key,
      ObservedIndex.Owned owned,
      @Nullable Prepared found,
      TranslationResult result) {
    ObjectMetadata meta = Objects.requireNonNull(store.metadata());
    if (!meta.finalizers().contains(finalizer)) {
      actions.addFinalizer(new Action.AddFinalizer(key, meta.resourceVersion()));
    }
    List<FieldError> errors = List.of();
    Optional<StatusRules.Blocker> blocker = Optional.empty();
    Optional<String> reportedName;
    Optional<ObservedBsl> reported;

    if (found == null && result instanceof TranslationResult.Rejected rejected) {
      errors = rejected.errors();
      reported = owned.bsls.stream().findFirst();
      reportedName = reported.map(ObservedBsl::name);
    } else {
      Prepared p = Objects.requireNonNull(found, "prepared " + key);
      reportedName = Optional.of(p.bsl().name());
      blocker = p.blocker();
      if (blocker.isPresent()) {
        reported = p.conflict() ? Optional.empty() : Optional.ofNullable(p.existing());
        if (p.revoked()) {
          // The source no longer holds the credentials: no copy of them may outlive it. The BSL
          // stays (Velero then finds its Secret missing and reports it Unavailable).
          secrets.deleteAll(key, owned);
        }
      } else {
        reported = Optional.ofNullable(p.existing());
        if (bslTypeExists) {
          secrets.apply(key, p, owned);
          bsls.apply(key, p, owned);
        }
      }
    }
    StatusRules.DefaultVerdict verdict = defaults.verdict(store, key, blocker);
    status.plan(store, key, errors, blocker, reportedName, reported, verdict);
  }
}
