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
