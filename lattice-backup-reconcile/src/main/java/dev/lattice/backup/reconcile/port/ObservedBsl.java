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
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslLabels;
import dev.lattice.backup.translate.bsl.BslSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * A BackupStorageLocation as read from Velero's namespace: its metadata, the spec fields this
 * library owns, and the status Velero wrote.
 *
 * @param metadata the BSL's metadata, including server-set fields
 * @param spec the owned spec fields (other fields are not compared and not written)
 * @param phase Velero's verdict, absent until Velero has validated the BSL
 * @param message Velero's status message, if any
 */
public record ObservedBsl(
    ObjectMetadata metadata, BslSpec spec, Optional<VeleroPhase> phase, Optional<String> message) {
  /**
   * Checks nothing is null.
   *
   * @param metadata the metadata
   * @param spec the owned spec
   * @param phase Velero's phase
   * @param message Velero's message
   */
  public ObservedBsl {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(message, "message");
  }

  /**
   * A BSL Velero has not validated yet.
   *
   * @param bsl the location
   * @return the observation
   */
  public static ObservedBsl unvalidated(BackupStorageLocation bsl) {
    return new ObservedBsl(bsl.metadata(), bsl.spec(), Optional.empty(), Optional.empty());
  }

  /**
   * The BSL's name.
   *
   * @return the name
   */
  public String name() {
    return Objects.requireNonNull(metadata.name(), "metadata.name");
  }

  /**
   * Whether this library manages the BSL (it carries our managed-by label).
   *
   * @return true for our BSLs
   */
  public boolean isManaged() {
    return BslLabels.isManaged(metadata);
  }

  /**
   * Whether the BSL is Velero's default.
   *
   * @return the spec's {@code default}
   */
  public boolean isDefault() {
    return spec.isDefault();
  }
}
