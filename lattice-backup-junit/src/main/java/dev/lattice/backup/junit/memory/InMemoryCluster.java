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

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.reconcile.port.VeleroPhase;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cluster in memory that implements every reconcile port, for tests of this library and of the
 * code that embeds it. It keeps resourceVersions and enforces the ports' preconditions (a create
 * fails with {@link PortFailure.Conflict} when the name is taken, an update or delete at a stale
 * resourceVersion fails with {@link PortFailure.Conflict}), honours finalizers on deletion, can
 * pretend Velero is not installed, emulates Velero's BSL controller ({@link #velero()}), and fails
 * calls on request ({@link #faults()}).
 *
 * <p>It also keeps score for invariants: every write through a port, the most BSLs of ours that
 * were the default at once, and every write that touched an object this library does not manage.
 *
 * <p>Thread-safe: every method synchronizes on the cluster.
 *
 * <p>Its parts, each synchronized on the cluster: {@code MemoryStores}, {@code MemoryBsls} and
 * {@code MemorySecrets} hold the objects and implement the ports, {@code ApiServerRules} the API
 * server's preconditions, {@code WriteScore} the score.
 */
public final class InMemoryCluster {
  private final String veleroNamespace;
  private final FaultInjector faults = new FaultInjector(this);
  private final VeleroEmulation velero = new VeleroEmulation(this);
  private final WriteScore score = new WriteScore();
  private final MemoryStores stores;
  private final MemoryBsls bsls;
  private final MemorySecrets secrets;
  private long resourceVersion;

  /**
   * An empty cluster with Velero installed.
   *
   * @param veleroNamespace Velero's namespace
   * @param clock the clock for creation and deletion timestamps
   */
  public InMemoryCluster(String veleroNamespace, Clock clock) {
    this.veleroNamespace = Objects.requireNonNull(veleroNamespace, "veleroNamespace");
    Objects.requireNonNull(clock, "clock");
    this.stores = new MemoryStores(this, clock, faults, score);
    this.bsls = new MemoryBsls(this, veleroNamespace, clock, faults, score);
    this.secrets = new MemorySecrets(this, veleroNamespace, faults, score);
  }

  /**
   * An empty cluster with Velero installed in namespace {@code velero}, on the system clock.
   *
   * @return the cluster
   */
  public static InMemoryCluster create() {
    return new InMemoryCluster("velero", Clock.systemUTC());
  }

  /**
   * The ports to hand to a reconciler; they work in {@link #veleroNamespace()}, and a reconciler
   * whose options name another namespace refuses them.
   *
   * @return the ports
   */
  public ClusterPorts ports() {
    return new ClusterPorts(stores, bsls, secrets, Optional.of(veleroNamespace));
  }

  /**
   * The fault injector.
   *
   * @return the injector
   */
  public FaultInjector faults() {
    return faults;
  }

  /**
   * The Velero emulation.
   *
   * @return Velero
   */
  public VeleroEmulation velero() {
    return velero;
  }

  /**
   * Velero's namespace.
   *
   * @return the namespace
   */
  public String veleroNamespace() {
    return veleroNamespace;
  }

  // ---- the user's side: what kubectl would do -------------------------------------------------

  /**
   * Creates a store, as {@code kubectl create} would: the server sets uid, resourceVersion,
   * generation 1 and creationTimestamp; a status in the input is dropped.
   *
   * @param store the store, with namespace and name
   * @return the stored store
   * @throws IllegalStateException when the store exists
   */
  public synchronized BackupStore createStore(BackupStore store) {
    return stores.create(store);
  }

  /**
   * Replaces a store's spec; the generation grows when the spec changes.
   *
   * @param key the store
   * @param spec the new spec
   * @return the stored store
   */
  public synchronized BackupStore updateStoreSpec(StoreKey key, BackupStoreSpec spec) {
    return stores.updateSpec(key, spec);
  }

  /**
   * Deletes a store, as {@code kubectl delete} would: with finalizers it only gets a
   * deletionTimestamp; without, it is gone.
   *
   * @param key the store
   */
  public synchronized void deleteStore(StoreKey key) {
    stores.delete(key);
  }

  /**
   * A store, if it exists.
   *
   * @param key the store
   * @return the store
   */
  public synchronized Optional<BackupStore> store(StoreKey key) {
    return stores.get(key);
  }

  /**
   * Every store, sorted by namespace and name.
   *
   * @return the stores
   */
  public synchronized List<BackupStore> stores() {
    return stores.all();
  }

  /**
   * Creates or replaces a Secret, as a user would.
   *
   * @param namespace the namespace
   * @param name the name
   * @param data the data
   */
  public synchronized void putSecret(String namespace, String name, SecretData data) {
    secrets.put(namespace, name, data);
  }

  /**
   * Creates or replaces a Secret with the given metadata (labels, annotations), as a user or
   * another tool would; its namespace and name come from the metadata.
   *
   * @param metadata the Secret's metadata, with namespace and name
   * @param data the data
   */
  public synchronized void putSecret(ObjectMetadata metadata, SecretData data) {
    secrets.put(metadata, data);
  }

  /**
   * A Secret's metadata, if it exists.
   *
   * @param namespace the namespace
   * @param name the name
   * @return the metadata
   */
  public synchronized Optional<ObjectMetadata> secretMetadata(String namespace, String name) {
    return secrets.metadata(namespace, name);
  }

  /**
   * Deletes a Secret, as a user would.
   *
   * @param namespace the namespace
   * @param name the name
   */
  public synchronized void deleteSecret(String namespace, String name) {
    secrets.delete(namespace, name);
  }

  /**
   * A Secret's data, if it exists.
   *
   * @param namespace the namespace
   * @param name the name
   * @return the data
   */
  public synchronized Optional<SecretData> secret(String namespace, String name) {
    return secrets.data(namespace, name);
  }

  /**
   * Every Secret's data, keyed {@code namespace/name}.
   *
   * @return the data
   */
  public synchronized Map<String, SecretData> secrets() {
    return secrets.all();
  }

  /**
   * Creates or replaces a BSL as another tool (or Velero's installer) would; it is foreign unless
   * it carries our managed-by label.
   *
   * @param bsl the BSL
   * @throws IllegalStateException when Velero is not installed
   */
  public synchronized void putForeignBsl(BackupStorageLocation bsl) {
    bsls.putForeign(bsl);
  }

  /**
   * A BSL, if it exists.
   *
   * @param name the name
   * @return the BSL with Velero's status
   */
  public synchronized Optional<ObservedBsl> bsl(String name) {
    return bsls.get(name);
  }

  /**
   * Every BSL, sorted by name.
   *
   * @return the BSLs
   */
  public synchronized List<ObservedBsl> bsls() {
    return bsls.all();
  }

  // ---- score keeping --------------------------------------------------------------------------

  /**
   * Every write issued through a port (including failed ones), described without data.
   *
   * @return the writes, in order
   */
  public synchronized List<String> writes() {
    return score.writes();
  }

  /**
   * Every write through a port that touched a BSL or Secret this library does not manage.
   *
   * @return descriptions, in order
   */
  public synchronized List<String> foreignWrites() {
    return score.foreignWrites();
  }

  /**
   * The highest number of our BSLs that had {@code default: true} at once, checked after every
   * write through a port.
   *
   * @return the maximum
   */
  public synchronized int maxManagedDefaults() {
    return score.maxManagedDefaults();
  }

  /** Forgets the writes, foreign writes and the default maximum recorded so far. */
  public synchronized void resetScore() {
    score.reset(bsls.managedDefaults());
  }

  // ---- shared with the Velero emulation and the tables ----------------------------------------

  synchronized boolean veleroInstalled() {
    return bsls.veleroInstalled();
  }

  synchronized void setVeleroInstalled(boolean installed) {
    bsls.setVeleroInstalled(installed);
  }

  synchronized void putBslStatus(
      String name, Optional<VeleroPhase> phase, Optional<String> message) {
    bsls.putStatus(name, phase, message);
  }

  synchronized void putBslDefault(String name, boolean value) {
    bsls.putDefault(name, value);
  }

  /** The next resourceVersion, one counter for every object, as on an API server. */
  synchronized String nextVersion() {
    return Long.toString(++resourceVersion);
  }
}
