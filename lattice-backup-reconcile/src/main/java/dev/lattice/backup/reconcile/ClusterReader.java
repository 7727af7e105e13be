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

import static dev.lattice.backup.reconcile.PortCalls.call;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.plan.internal.ObservedState;
import dev.lattice.backup.reconcile.plan.internal.Reads;
import dev.lattice.backup.reconcile.plan.internal.SecretRef;
import dev.lattice.backup.reconcile.plan.internal.SourceSecret;
import dev.lattice.backup.reconcile.port.BackupStorePort;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.SecretData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads what a plan for a {@link Focus} needs through the ports: every BSL and mirrored Secret, the
 * stores in focus, and the credentials Secrets and the occupants of mirror names of those stores
 * only. A per-store pass so reads one store's credentials, not every store's. A missing BSL type
 * reads as Velero not installed; a credentials Secret that cannot be read is recorded as such.
 */
final class ClusterReader {
  private final ClusterPorts ports;
  private final ReconcileOptions options;

  ClusterReader(ClusterPorts ports, ReconcileOptions options) {
    this.ports = ports;
    this.options = options;
  }

  /**
   * Reads the cluster for a focus.
   *
   * @param focus the stores the plan is for
   * @return the observation
   * @throws PortException when the stores, BSLs, mirrored Secrets or occupants cannot be read
   */
  ObservedState observe(Focus focus) throws PortException {
    List<BackupStore> stores =
        focus.select(
            call("list BackupStores", () -> ports.stores().list(BackupStorePort.allNamespaces())));
    List<ObservedBsl> bsls;
    boolean bslTypeExists = true;
    try {
      bsls = call("list BackupStorageLocations", () -> ports.bsls().list());
    } catch (PortException e) {
      if (!(e.failure() instanceof PortFailure.ResourceTypeMissing)) {
        throw e;
      }
      bsls = List.of();
      bslTypeExists = false;
    }
    List<MirroredSecret> mirrored =
        call("list mirrored Secrets", () -> ports.secrets().listMirrored());
    Set<String> listed = new HashSet<>();
    mirrored.forEach(m -> listed.add(m.name()));
    List<ObjectMetadata> occupants = new ArrayList<>();
    for (String target : Reads.mirrorTargets(stores, options)) {
      if (!listed.contains(target)) {
        call("read Secret " + target, () -> ports.secrets().find(target)).ifPresent(occupants::add);
      }
    }
    TreeMap<SecretRef, SourceSecret> sources = new TreeMap<>();
    for (SecretRef ref : Reads.sourcesToRead(stores, options)) {
      try {
        Optional<SecretData> data =
            call("read Secret " + ref, () -> ports.secrets().read(ref.namespace(), ref.name()));
        sources.put(
            ref,
            data.<SourceSecret>map(SourceSecret.Present::new).orElse(new SourceSecret.Absent()));
      } catch (PortException e) {
        sources.put(ref, new SourceSecret.Unreadable(e.failure()));
      }
    }
    return new ObservedState(stores, bsls, bslTypeExists, mirrored, sources, occupants);
  }
}
