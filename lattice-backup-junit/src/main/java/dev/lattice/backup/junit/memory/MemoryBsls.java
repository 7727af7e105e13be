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
package dev.lattice.backup.junit.memory;

import static dev.lattice.backup.junit.memory.ApiServerRules.expect;
import static dev.lattice.backup.junit.memory.ApiServerRules.missingType;
import static dev.lattice.backup.junit.memory.ApiServerRules.notFound;

import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.BslPort;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.VeleroPhase;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslLabels;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The in-memory cluster's BackupStorageLocations in Velero's namespace: whether the type exists
 * (Velero installed), what another tool and Velero's own controller write to them, the {@link
 * BslPort} the reconciler writes them through, and the running count of our BSLs that are the
 * default. All but the port are called with the cluster's lock held; the port takes it.
 */
final class MemoryBsls implements BslPort {
  private final InMemoryCluster cluster;
  private final String veleroNamespace;
  private final Clock clock;
  private final FaultInjector faults;
  private final WriteScore score;
  private final TreeMap<String, ObservedBsl> bsls = new TreeMap<>();
  private boolean veleroInstalled = true;
  private int managedDefaultCount;

  MemoryBsls(
      InMemoryCluster cluster,
      String veleroNamespace,
      Clock clock,
      FaultInjector faults,
      WriteScore score) {
    this.cluster = cluster;
    this.veleroNamespace = veleroNamespace;
    this.clock = clock;
    this.faults = faults;
    this.score = score;
  }

  // ---- another tool's side and Velero's ---------------------------------------------------------

  /** Creates or replaces a BSL as another tool would; see {@link InMemoryCluster#putForeignBsl}. */
  void putForeign(BackupStorageLocation bsl) {
    if (!veleroInstalled) {
      throw new IllegalStateException("Velero is not installed");
    }
    ObservedBsl old = bsls.get(bsl.name());
    ObjectMetadata meta =
        bsl.metadata().toBuilder()
            .namespace(veleroNamespace)
            .resourceVersion(cluster.nextVersion())
            .creationTimestamp(
                old == null
                    ? clock.instant()
                    : old.metadata().creationTimestamp().orElse(clock.instant()))
            .build();
    put(bsl.name(), new ObservedBsl(meta, bsl.spec(), Optional.empty(), Optional.empty()));
  }

  Optional<ObservedBsl> get(String name) {
    return Optional.ofNullable(bsls.get(name));
  }

  List<ObservedBsl> all() {
    return List.copyOf(bsls.values());
  }

  boolean veleroInstalled() {
    return veleroInstalled;
  }

  /** Installs or uninstalls Velero; uninstalling removes the type, and so every BSL. */
  void setVeleroInstalled(boolean installed) {
    if (!installed) {
      bsls.clear();
      managedDefaultCount = 0;
    }
    veleroInstalled = installed;
  }

  /** Velero's status of a BSL: a new resourceVersion when it changes. */
  void putStatus(String name, Optional<VeleroPhase> phase, Optional<String> message) {
    ObservedBsl old = bsls.get(name);
    if (old != null && !(old.phase().equals(phase) && old.message().equals(message))) {
      put(name, new ObservedBsl(nextVersionOf(old), old.spec(), phase, message));
    }
  }

  /** Sets or unsets a BSL's {@code default}: a new resourceVersion when it changes. */
  void putDefault(String name, boolean value) {
    ObservedBsl old = bsls.get(name);
    if (old != null && old.isDefault() != value) {
      put(
          name,
          new ObservedBsl(
              nextVersionOf(old), old.spec().withDefault(value), old.phase(), old.message()));
    }
  }

  /** A BSL's metadata at the next resourceVersion. */
  private ObjectMetadata nextVersionOf(ObservedBsl old) {
    return old.metadata().toBuilder().resourceVersion(cluster.nextVersion()).build();
  }

  /** How many of our BSLs are the default now. */
  int managedDefaults() {
    return managedDefaultCount;
  }

  // ---- the port -------------------------------------------------------------------------------

  @Override
  public List<ObservedBsl> list() throws PortException {
    synchronized (cluster) {
      faults.check(FaultInjector.Target.BSLS, "list BackupStorageLocations");
      if (!veleroInstalled) {
        throw missingType();
      }
      return List.copyOf(bsls.values());
    }
  }

  @Override
  public void apply(BackupStorageLocation desired, Optional<String> resourceVersion)
      throws PortException {
    synchronized (cluster) {
      score.wrote("apply BackupStorageLocation " + desired.name());
      faults.checkWrite(FaultInjector.Target.BSLS, "apply BackupStorageLocation " + desired.name());
      if (!veleroInstalled) {
        throw missingType();
      }
      ObservedBsl old = bsls.get(desired.name());
      String what = "BackupStorageLocation " + veleroNamespace + "/" + desired.name();
      expect(what, old == null ? null : old.metadata(), resourceVersion);
      if (old != null && !ApiServerRules.sameOwner(old.metadata(), desired.metadata())) {
        score.foreign("apply BackupStorageLocation " + desired.name());
      }
      ObjectMetadata.Builder meta =
          (old == null
                  ? desired.metadata()
                  : ApiServerRules.merge(old.metadata(), desired.metadata()))
              .toBuilder().namespace(veleroNamespace).resourceVersion(cluster.nextVersion());
      if (old == null) {
        meta.creationTimestamp(clock.instant()).uid(UUID.randomUUID().toString());
      }
      put(
          desired.name(),
          new ObservedBsl(
              meta.build(),
              desired.spec().withDefault(old != null && old.isDefault()),
              old == null ? Optional.empty() : old.phase(),
              old == null ? Optional.empty() : old.message()));
      score.afterWrite(managedDefaultCount);
    }
  }

  @Override
  public void setDefault(String name, boolean value, String resourceVersion) throws PortException {
    synchronized (cluster) {
      score.wrote("set default=" + value + " on BackupStorageLocation " + name);
      faults.checkWrite(FaultInjector.Target.BSLS, "set default on BackupStorageLocation " + name);
      ObservedBsl old = existing(name, resourceVersion);
      if (!BslLabels.isManaged(old.metadata())) {
        score.foreign("set default=" + value + " on BackupStorageLocation " + name);
      }
      putDefault(name, value);
      score.afterWrite(managedDefaultCount);
    }
  }

  @Override
  public void delete(String name, String resourceVersion) throws PortException {
    synchronized (cluster) {
      score.wrote("delete BackupStorageLocation " + name);
      faults.checkWrite(FaultInjector.Target.BSLS, "delete BackupStorageLocation " + name);
      ObservedBsl old = existing(name, resourceVersion);
      if (BslLabels.provenOwner(old.metadata()).isEmpty()) {
        score.foreign("delete BackupStorageLocation " + name);
      }
      ObservedBsl removed = bsls.remove(name);
      managedDefaultCount -= removed == null ? 0 : weight(removed);
      score.afterWrite(managedDefaultCount);
    }
  }

  /** The BSL of a name at exactly the given resourceVersion, for a write to it. */
  private ObservedBsl existing(String name, String resourceVersion) throws PortException {
    if (!veleroInstalled) {
      throw missingType();
    }
    ObservedBsl old = bsls.get(name);
    String what = "BackupStorageLocation " + veleroNamespace + "/" + name;
    if (old == null) {
      throw notFound(what);
    }
    expect(what, old.metadata(), Optional.of(resourceVersion));
    return old;
  }

  /** Stores a BSL, keeping the count of our default BSLs current. */
  private void put(String name, ObservedBsl bsl) {
    ObservedBsl old = bsls.put(name, bsl);
    managedDefaultCount += weight(bsl) - (old == null ? 0 : weight(old));
  }

  private static int weight(ObservedBsl bsl) {
    return bsl.isManaged() && bsl.isDefault() ? 1 : 0;
  }
}
