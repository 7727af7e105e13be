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

import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import java.util.List;
import java.util.Optional;

/**
 * Velero's BackupStorageLocations, in Velero's namespace. When the BSL resource type does not exist
 * (Velero is not installed) every method fails with {@link PortFailure.ResourceTypeMissing}, never
 * with {@link PortFailure.NotFound}.
 */
public interface BslPort {

  /**
   * Lists every BSL in Velero's namespace, ours and foreign, with Velero's status.
   *
   * @return the BSLs, in any order
   * @throws PortException on failure
   */
  List<ObservedBsl> list() throws PortException;

  /**
   * Creates or updates a BSL so that the fields this library owns equal the given ones (server-side
   * apply in a real cluster), except {@code spec.default}: a new BSL is not the default, and an
   * existing one keeps its {@code default}, which only {@link #setDefault} changes. Other fields
   * and Velero's status are left alone. The write is conditional, so that an object that is not the
   * one the caller looked at is never written: with no resourceVersion it only creates ({@link
   * PortFailure.Conflict} when the name is taken); with one it only updates that version ({@link
   * PortFailure.Conflict} when it changed, {@link PortFailure.NotFound} when it is gone).
   *
   * @param desired the desired BSL
   * @param resourceVersion the version observed, or empty to create
   * @throws PortException on failure
   */
  void apply(BackupStorageLocation desired, Optional<String> resourceVersion) throws PortException;

  /**
   * Sets only {@code spec.default} of an existing BSL, at the version observed.
   *
   * @param name the BSL's name
   * @param value the new value
   * @param resourceVersion the version observed
   * @throws PortException on failure; {@link PortFailure.NotFound} when the BSL is gone, {@link
   *     PortFailure.Conflict} when it changed
   */
  void setDefault(String name, boolean value, String resourceVersion) throws PortException;

  /**
   * Deletes a BSL, at the version observed.
   *
   * @param name the BSL's name
   * @param resourceVersion the version observed
   * @throws PortException on failure; {@link PortFailure.NotFound} when already gone, {@link
   *     PortFailure.Conflict} when it changed
   */
  void delete(String name, String resourceVersion) throws PortException;
}
