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
package dev.lattice.backup.reconcile.plan;

import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * One write the reconciler issues through a port. Every action is a write; reads happen before
 * planning. An action's string form never shows Secret data.
 */
public sealed interface Action {

  /**
   * The store this action serves, if any (a foreign BSL's default has none).
   *
   * @return the store
   */
  Optional<StoreKey> subject();

  /**
   * Sets or unsets {@code spec.default} of an existing BSL, at the version observed: the only way
   * this library moves the default. Executed by the reconciler's single default writer, never by a
   * per-store reconcile directly.
   *
   * @param bslName the BSL
   * @param owner the store it belongs to, empty for a foreign BSL (unset under the take-over
   *     policy)
   * @param value the new {@code default}
   * @param resourceVersion the BSL's version observed
   */
  record SetDefault(String bslName, Optional<StoreKey> owner, boolean value, String resourceVersion)
      implements Action {
    /**
     * Checks nothing is null.
     *
     * @param bslName the BSL
     * @param owner the owning store
     * @param value the new default
     * @param resourceVersion the version observed
     */
    public SetDefault {
      ActionChecks.onNamed(bslName, "bslName", owner, resourceVersion);
    }

    @Override
    public Optional<StoreKey> subject() {
      return owner;
    }
  }

  /**
   * Adds our finalizer to a store, so that its BSL is cleaned up before the store disappears.
   *
   * @param store the store
   * @param resourceVersion the version observed
   */
  record AddFinalizer(StoreKey store, Optional<String> resourceVersion) implements Action {
    /**
     * Checks nothing is null.
     *
     * @param store the store
     * @param resourceVersion the version observed
     */
    public AddFinalizer {
      ActionChecks.onStore(store, resourceVersion);
    }

    @Override
    public Optional<StoreKey> subject() {
      return Optional.of(store);
    }
  }

  /**
   * Creates or updates the copy of a store's credentials in Velero's namespace.
   *
   * @param store the store
   * @param secret the Secret to apply
   * @param resourceVersion the version of the store's Secret observed, or empty to create one
   */
  record ApplySecret(StoreKey store, MirroredSecret secret, Optional<String> resourceVersion)
      implements Action {
    /**
     * Checks nothing is null.
     *
     * @param store the store
     * @param secret the Secret
     * @param resourceVersion the version observed, or empty to create
     */
    public ApplySecret {
      ActionChecks.writing(store, secret, "secret", resourceVersion);
    }

    @Override
    public Optional<StoreKey> subject() {
      return Optional.of(store);
    }

    /** Names the Secret, never its data. */
    @Override
    public String toString() {
      return "ApplySecret[store=" + store + ", secret=" + secret.name() + "]";
    }
  }

  /**
   * Creates or updates a store's BSL: every field this library owns except {@code default}, which
   * only {@link SetDefault} changes.
   *
   * @param store the store
   * @param bsl the desired BSL
   * @param resourceVersion the version of the store's BSL observed, or empty to create one
   */
  record ApplyBsl(StoreKey store, BackupStorageLocation bsl, Optional<String> resourceVersion)
      implements Action {
    /**
     * Checks nothing is null.
     *
     * @param store the store
     * @param bsl the BSL
     * @param resourceVersion the version observed, or empty to create
     */
    public ApplyBsl {
      ActionChecks.writing(store, bsl, "bsl", resourceVersion);
    }

    @Override
    public Optional<StoreKey> subject() {
      return Optional.of(store);
    }

    @Override
    public String toString() {
      return "ApplyBsl[store="
          + store
          + ", bsl="
          + bsl.name()
          + (resourceVersion.isEmpty() ? ", create" : "")
          + "]";
    }
  }

  /**
   * Deletes one of our BSLs: its store is being deleted, is gone (an orphan), or now maps to
   * another name.
   *
   * @param bslName the BSL
   * @param owner the store it belongs to, as its labels prove
   * @param resourceVersion the BSL's version observed
   */
  record DeleteBsl(String bslName, Optional<StoreKey> owner, String resourceVersion)
      implements Action {
    /**
     * Checks nothing is null.
     *
     * @param bslName the BSL
     * @param owner the owning store
     * @param resourceVersion the version observed
     */
    public DeleteBsl {
      ActionChecks.onNamed(bslName, "bslName", owner, resourceVersion);
    }

    @Override
    public Optional<StoreKey> subject() {
      return owner;
    }
  }

  /**
   * Deletes one of our mirrored Secrets.
   *
   * @param secretName the Secret in Velero's namespace
   * @param owner the store it belongs to, as its labels prove
   * @param resourceVersion the Secret's version observed
   */
  record DeleteSecret(String secretName, Optional<StoreKey> owner, String resourceVersion)
      implements Action {
    /**
     * Checks nothing is null.
     *
     * @param secretName the Secret
     * @param owner the owning store
     * @param resourceVersion the version observed
     */
    public DeleteSecret {
      ActionChecks.onNamed(secretName, "secretName", owner, resourceVersion);
    }

    @Override
    public Optional<StoreKey> subject() {
      return owner;
    }
  }

  /**
   * Writes a store's status.
   *
   * @param store the store
   * @param resourceVersion the version the status was computed from
   * @param status the new status
   */
  record PatchStatus(StoreKey store, Optional<String> resourceVersion, BackupStoreStatus status)
      implements Action {
    /**
     * Checks nothing is null.
     *
     * @param store the store
     * @param resourceVersion the version observed
     * @param status the status
     */
    public PatchStatus {
      ActionChecks.onStore(store, resourceVersion);
      Objects.requireNonNull(status, "status");
    }

    @Override
    public Optional<StoreKey> subject() {
      return Optional.of(store);
    }
  }

  /**
   * Removes our finalizer from a store being deleted, after its BSL and Secret are gone.
   *
   * @param store the store
   * @param resourceVersion the version observed
   */
  record RemoveFinalizer(StoreKey store, Optional<String> resourceVersion) implements Action {
    /**
     * Checks nothing is null.
     *
     * @param store the store
     * @param resourceVersion the version observed
     */
    public RemoveFinalizer {
      ActionChecks.onStore(store, resourceVersion);
    }

    @Override
    public Optional<StoreKey> subject() {
      return Optional.of(store);
    }
  }
}
