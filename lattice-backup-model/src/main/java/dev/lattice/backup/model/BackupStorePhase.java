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
