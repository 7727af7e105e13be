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
package dev.lattice.backup.reconcile.port;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.translate.StoreKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The BackupStore resources. Writes that take a resourceVersion are conditional on it: a stale one
 * fails with {@link PortFailure.Conflict}. Every write returns the object's new resourceVersion.
 */
public interface BackupStorePort {

  /**
   * Lists BackupStores with metadata, spec and status.
   *
   * @param namespaces the namespaces to list; empty for all namespaces
   * @return the stores, in any order
   * @throws PortException when the stores cannot be listed
   */
  List<BackupStore> list(Set<String> namespaces) throws PortException;

  /**
   * Replaces a store's status (through the status subresource where there is one).
   *
   * @param store the store
   * @param resourceVersion the version the status was computed from, or empty for unconditional
   * @param status the new status
   * @return the new resourceVersion
   * @throws PortException on failure; {@link PortFailure.NotFound} when the store is gone
   */
  String patchStatus(StoreKey store, Optional<String> resourceVersion, BackupStoreStatus status)
      throws PortException;

  /**
   * Adds a finalizer to a store (nothing when present).
   *
   * @param store the store
   * @param resourceVersion the version read, or empty for unconditional
   * @param finalizer the finalizer
   * @return the new resourceVersion
   * @throws PortException on failure
   */
  String addFinalizer(StoreKey store, Optional<String> resourceVersion, String finalizer)
      throws PortException;

  /**
   * Removes a finalizer from a store; the store disappears when it was being deleted and this was
   * its last finalizer.
   *
   * @param store the store
   * @param resourceVersion the version read, or empty for unconditional
   * @param finalizer the finalizer
   * @return the new resourceVersion, or empty when the store is gone
   * @throws PortException on failure
   */
  Optional<String> removeFinalizer(
      StoreKey store, Optional<String> resourceVersion, String finalizer) throws PortException;

  /**
   * The set of namespaces meaning "all namespaces".
   *
   * @return the empty set
   */
  static Set<String> allNamespaces() {
    return Set.of();
  }
}
