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
package dev.lattice.backup.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The lifecycle phase of a BackupStore, as reported in its status. */
public enum BackupStorePhase {
  /** Waiting for the Velero BackupStorageLocation to be created or validated by Velero. */
  PENDING("Pending"),
  /** The Velero BackupStorageLocation exists and Velero reports it available. */
  READY("Ready"),
  /** The spec is invalid, or creating or managing the BackupStorageLocation failed. */
  FAILED("Failed");

  private final String wireValue;

  BackupStorePhase(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The value as written in JSON and YAML, such as {@code Ready}.
   *
   * @return the wire value
   */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  @Override
  public String toString() {
    return wireValue;
  }
}
