package dev.lattice.backup.reconcile;

import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.memory.InMemoryCluster;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import java.util.Optional;

/**
 * Port writes at the version the cluster holds now, for tests of the ports themselves: the create
 * when nothing is there, the update of what is there ("0" names a version no object has).
 */
final class Calls {
  private Calls() {}

  static Optional<String> bslVersion(InMemoryCluster cluster, String name) {
    return cluster.bsl(name).map(ObservedBsl::metadata).flatMap(ObjectMetadata::resourceVersion);
  }

  static Optional<String> secretVersion(InMemoryCluster cluster, String name) {
    return cluster
        .secretMetadata(cluster.veleroNamespace(), name)
        .flatMap(ObjectMetadata::resourceVersion);
  }

  static void apply(InMemoryCluster cluster, BackupStorageLocation bsl) throws PortException {
    cluster.ports().bsls().apply(bsl, bslVersion(cluster, bsl.name()));
  }

  static void setDefault(InMemoryCluster cluster, String name, boolean value) throws PortException {
    cluster.ports().bsls().setDefault(name, value, bslVersion(cluster, name).orElse("0"));
  }

  static void delete(InMemoryCluster cluster, String name) throws PortException {
    cluster.ports().bsls().delete(name, bslVersion(cluster, name).orElse("0"));
  }

  static void applyMirrored(InMemoryCluster cluster, MirroredSecret secret) throws PortException {
    cluster.ports().secrets().applyMirrored(secret, secretVersion(cluster, secret.name()));
  }

  static void deleteMirrored(InMemoryCluster cluster, String name) throws PortException {
    cluster.ports().secrets().deleteMirrored(name, secretVersion(cluster, name).orElse("0"));
  }
}
