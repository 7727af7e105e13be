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

import java.util.Objects;
import java.util.Optional;

/**
 * The three ports a reconciler needs, bundled, and the Velero namespace the BSL and Secret ports
 * work in, when they know it: a {@code Reconciler} refuses ports whose namespace is not the one its
 * options name, so a mismatch fails at start-up instead of giving wrong statuses.
 *
 * @param stores the BackupStores
 * @param bsls the BackupStorageLocations in Velero's namespace
 * @param secrets the Secrets
 * @param veleroNamespace the namespace {@code bsls} and {@code secrets} work in, if known
 */
public record ClusterPorts(
    BackupStorePort stores, BslPort bsls, SecretPort secrets, Optional<String> veleroNamespace) {
  /**
   * Checks nothing is null.
   *
   * @param stores the BackupStores
   * @param bsls the BSLs
   * @param secrets the Secrets
   * @param veleroNamespace the namespace of the BSL and Secret ports, if known
   */
  public ClusterPorts {
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(bsls, "bsls");
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(veleroNamespace, "veleroNamespace");
  }

  /**
   * Ports whose Velero namespace is not known (test doubles, say); nothing is checked.
   *
   * @param stores the BackupStores
   * @param bsls the BSLs
   * @param secrets the Secrets
   */
  public ClusterPorts(BackupStorePort stores, BslPort bsls, SecretPort secrets) {
    this(stores, bsls, secrets, Optional.empty());
  }
}
