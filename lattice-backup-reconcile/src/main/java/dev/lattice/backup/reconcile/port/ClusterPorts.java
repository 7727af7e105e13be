package dev.lattice.backup.reconcile.port;

import java.util.Objects;

/**
 * The three ports a reconciler needs, bundled.
 *
 * @param stores the BackupStores
 * @param bsls the BackupStorageLocations in Velero's namespace
 * @param secrets the Secrets
 */
public record ClusterPorts(BackupStorePort stores, BslPort bsls, SecretPort secrets) {
  /**
   * Checks nothing is null.
   *
   * @param stores the BackupStores
   * @param bsls the BSLs
   * @param secrets the Secrets
   */
  public ClusterPorts {
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(bsls, "bsls");
    Objects.requireNonNull(secrets, "secrets");
  }
}
