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

/** The phase Velero writes into a BackupStorageLocation's status after validating it. */
public enum VeleroPhase {
  /** Velero reached the bucket with the given configuration and credentials. */
  AVAILABLE("Available"),
  /** Velero could not use the location; its status message says why. */
  UNAVAILABLE("Unavailable");

  private final String wireValue;

  VeleroPhase(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The value as written in the BSL's {@code status.phase}.
   *
   * @return {@code Available} or {@code Unavailable}
   */
  public String wireValue() {
    return wireValue;
  }
}
