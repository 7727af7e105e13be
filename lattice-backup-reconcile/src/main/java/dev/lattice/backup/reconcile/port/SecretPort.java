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

import dev.lattice.backup.model.ObjectMetadata;
import java.util.List;
import java.util.Optional;

/** Secrets: reading a store's credentials, and the mirrored copies in Velero's namespace. */
public interface SecretPort {

  /**
   * Reads a Secret's data.
   *
   * @param namespace the Secret's namespace
   * @param name the Secret's name
   * @return the data, or empty when the Secret does not exist
   * @throws PortException on any other failure
   */
  Optional<SecretData> read(String namespace, String name) throws PortException;

  /**
   * Lists the Secrets in Velero's namespace that carry this library's managed-by label.
   *
   * @return the mirrored Secrets with their data
   * @throws PortException on failure
   */
  List<MirroredSecret> listMirrored() throws PortException;

  /**
   * The metadata of the Secret of a name in Velero's namespace, ours or not; never its data. The
   * planner looks at a name before it writes there, so that a Secret someone else made is never
   * overwritten.
   *
   * @param name the Secret's name
   * @return its metadata, or empty when there is no such Secret
   * @throws PortException on failure
   */
  Optional<ObjectMetadata> find(String name) throws PortException;

  /**
   * Creates or replaces a mirrored Secret in Velero's namespace, conditionally: with no
   * resourceVersion it only creates ({@link PortFailure.Conflict} when the name is taken); with one
   * it only replaces that version ({@link PortFailure.Conflict} when it changed, {@link
   * PortFailure.NotFound} when it is gone).
   *
   * @param secret the Secret
   * @param resourceVersion the version observed, or empty to create
   * @throws PortException on failure
   */
  void applyMirrored(MirroredSecret secret, Optional<String> resourceVersion) throws PortException;

  /**
   * Deletes a mirrored Secret from Velero's namespace, at the version observed.
   *
   * @param name the Secret's name
   * @param resourceVersion the version observed
   * @throws PortException on failure; {@link PortFailure.NotFound} when already gone, {@link
   *     PortFailure.Conflict} when it changed
   */
  void deleteMirrored(String name, String resourceVersion) throws PortException;
}
