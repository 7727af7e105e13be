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
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the planner looks at, read from the cluster in one pass.
 *
 * @param stores every BackupStore, with metadata and status
 * @param bsls every BSL in Velero's namespace, ours and foreign (empty when the type is missing)
 * @param bslTypeExists whether the BSL resource type exists (false: Velero is not installed)
 * @param mirrored the Secrets in Velero's namespace that carry our managed-by label
 * @param sources the credentials Secrets the stores name, as read; see {@link Reads#sourcesToRead}
 * @param occupants the metadata of Secrets in Velero's namespace at names the stores' mirrors want
 *     that do not carry our managed-by label (see {@link Reads#mirrorTargets}): never written,
 *     never deleted
 */
public record ObservedState(
    List<BackupStore> stores,
    List<ObservedBsl> bsls,
    boolean bslTypeExists,
    List<MirroredSecret> mirrored,
    SortedMap<SecretRef, SourceSecret> sources,
    List<ObjectMetadata> occupants) {

  /**
   * Copies the collections.
   *
   * @param stores the stores
   * @param bsls the BSLs
   * @param bslTypeExists whether Velero is installed
   * @param mirrored the mirrored Secrets
   * @param sources the credentials Secrets read
   * @param occupants the foreign Secrets at names the mirrors want
   */
  public ObservedState {
    stores = List.copyOf(stores);
    bsls = List.copyOf(bsls);
    mirrored = List.copyOf(mirrored);
    sources = Collections.unmodifiableSortedMap(new TreeMap<>(sources));
    occupants = List.copyOf(occupants);
  }

  /**
   * An observation without foreign Secrets at the mirrors' names.
   *
   * @param stores the stores
   * @param bsls the BSLs
   * @param bslTypeExists whether Velero is installed
   * @param mirrored the mirrored Secrets
   * @param sources the credentials Secrets read
   */
  public ObservedState(
      List<BackupStore> stores,
      List<ObservedBsl> bsls,
      boolean bslTypeExists,
      List<MirroredSecret> mirrored,
      SortedMap<SecretRef, SourceSecret> sources) {
    this(stores, bsls, bslTypeExists, mirrored, sources, List.of());
  }
}
