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
package dev.lattice.backup.reconcile;

import dev.lattice.backup.junit.memory.InMemoryCluster;
import dev.lattice.backup.model.ObjectMetadata;
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
