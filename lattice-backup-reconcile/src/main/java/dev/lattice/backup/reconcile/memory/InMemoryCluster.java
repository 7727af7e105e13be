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
package dev.lattice.backup.reconcile.memory;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.BackupStorePort;
import dev.lattice.backup.reconcile.port.BslPort;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.reconcile.port.SecretPort;
import dev.lattice.backup.reconcile.port.VeleroPhase;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslLabels;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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
 */
public final class InMemoryCluster {
  private final String veleroNamespace;
  private final Clock clock;
  private final FaultInjector faults = new FaultInjector(this);
  private final VeleroEmulation velero = new VeleroEmulation(this);
  private final Ports ports = new Ports();

  private final TreeMap<StoreKey, BackupStore> stores = new TreeMap<>();
  private final TreeMap<String, ObservedBsl> bsls = new TreeMap<>();
  private final TreeMap<String, StoredSecret> secrets = new TreeMap<>();
  private boolean veleroInstalled = true;
  private long resourceVersion;

  private final List<String> writes = new ArrayList<>();
  private final List<String> foreignWrites = new ArrayList<>();
  private int maxManagedDefaults;
  private int managedDefaultCount;

  /** A Secret as stored. */
  private record StoredSecret(ObjectMetadata metadata, SecretData data) {}

  /**
   * An empty cluster with Velero installed.
   *
   * @param veleroNamespace Velero's namespace
   * @param clock the clock for creation and deletion timestamps
   */
  public InMemoryCluster(String veleroNamespace, Clock clock) {
    this.veleroNamespace = Objects.requireNonNull(veleroNamespace, "veleroNamespace");
    this.clock = Objects.requireNonNull(clock, "clock");
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
    return new ClusterPorts(ports, ports, ports, Optional.of(veleroNamespace));
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
    ObjectMetadata meta = Objects.requireNonNull(store.metadata(), "metadata");
    StoreKey key =
        new StoreKey(meta.namespace().orElseThrow(), Objects.requireNonNull(meta.name()));
    if (stores.containsKey(key)) {
      throw new IllegalStateException("BackupStore " + key + " already exists");
    }
    ObjectMetadata created =
        meta.toBuilder()
            .uid(
                UUID.nameUUIDFromBytes(
                        key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString())
            .generation(1L)
            .resourceVersion(nextVersion())
            .creationTimestamp(clock.instant())
            .deletionTimestamp(null)
            .build();
    BackupStore out = store.withMetadata(created).withStatus(null);
    stores.put(key, out);
    return out;
  }

  /**
   * Replaces a store's spec; the generation grows when the spec changes.
   *
   * @param key the store
   * @param spec the new spec
   * @return the stored store
   */
  public synchronized BackupStore updateStoreSpec(StoreKey key, BackupStoreSpec spec) {
    BackupStore store = existing(key);
    if (Objects.equals(store.spec(), spec)) {
      return store;
    }
    ObjectMetadata meta = Objects.requireNonNull(store.metadata());
    ObjectMetadata.Builder next = meta.toBuilder().resourceVersion(nextVersion());
    next.generation(meta.generation().orElse(0L) + 1);
    BackupStore out = store.withSpec(spec).withMetadata(next.build());
    stores.put(key, out);
    return out;
  }

  /**
   * Deletes a store, as {@code kubectl delete} would: with finalizers it only gets a
   * deletionTimestamp; without, it is gone.
   *
   * @param key the store
   */
  public synchronized void deleteStore(StoreKey key) {
    BackupStore store = existing(key);
    ObjectMetadata meta = Objects.requireNonNull(store.metadata());
    if (meta.finalizers().isEmpty()) {
      stores.remove(key);
    } else if (!meta.isBeingDeleted()) {
      stores.put(
          key,
          store.withMetadata(
              meta.toBuilder()
                  .deletionTimestamp(clock.instant())
                  .resourceVersion(nextVersion())
                  .build()));
    }
  }

  /**
   * A store, if it exists.
   *
   * @param key the store
   * @return the store
   */
  public synchronized Optional<BackupStore> store(StoreKey key) {
    return Optional.ofNullable(stores.get(key));
  }

  /**
   * Every store, sorted by namespace and name.
   *
   * @return the stores
   */
  public synchronized List<BackupStore> stores() {
    return List.copyOf(stores.values());
  }

  /**
   * Creates or replaces a Secret, as a user would.
   *
   * @param namespace the namespace
   * @param name the name
   * @param data the data
   */
  public synchronized void putSecret(String namespace, String name, SecretData data) {
    secrets.put(
        namespace + "/" + name,
        new StoredSecret(
            ObjectMetadata.builder()
                .namespace(namespace)
                .name(name)
                .resourceVersion(nextVersion())
                .build(),
            data));
  }

  /**
   * Creates or replaces a Secret with the given metadata (labels, annotations), as a user or
   * another tool would; its namespace and name come from the metadata.
   *
   * @param metadata the Secret's metadata, with namespace and name
   * @param data the data
   */
  public synchronized void putSecret(ObjectMetadata metadata, SecretData data) {
    String namespace = metadata.namespace().orElseThrow();
    String name = Objects.requireNonNull(metadata.name(), "name");
    secrets.put(
        namespace + "/" + name,
        new StoredSecret(metadata.toBuilder().resourceVersion(nextVersion()).build(), data));
  }

  /**
   * A Secret's metadata, if it exists.
   *
   * @param namespace the namespace
   * @param name the name
   * @return the metadata
   */
  public synchronized Optional<ObjectMetadata> secretMetadata(String namespace, String name) {
    return Optional.ofNullable(secrets.get(namespace + "/" + name)).map(StoredSecret::metadata);
  }

  /**
   * Deletes a Secret, as a user would.
   *
   * @param namespace the namespace
   * @param name the name
   */
  public synchronized void deleteSecret(String namespace, String name) {
    secrets.remove(namespace + "/" + name);
  }

  /**
   * A Secret's data, if it exists.
   *
   * @param namespace the namespace
   * @param name the name
   * @return the data
   */
  public synchronized Optional<SecretData> secret(String namespace, String name) {
    return Optional.ofNullable(secrets.get(namespace + "/" + name)).map(StoredSecret::data);
  }

  /**
   * Every Secret's data, keyed {@code namespace/name}.
   *
   * @return the data
   */
  public synchronized Map<String, SecretData> secrets() {
    TreeMap<String, SecretData> out = new TreeMap<>();
    secrets.forEach((k, v) -> out.put(k, v.data()));
    return out;
  }

  /**
   * Creates or replaces a BSL as another tool (or Velero's installer) would; it is foreign unless
   * it carries our managed-by label.
   *
   * @param bsl the BSL
   * @throws IllegalStateException when Velero is not installed
   */
  public synchronized void putForeignBsl(BackupStorageLocation bsl) {
    requireVelero();
    ObservedBsl old = bsls.get(bsl.name());
    ObjectMetadata meta =
        bsl.metadata().toBuilder()
            .namespace(veleroNamespace)
            .resourceVersion(nextVersion())
            .creationTimestamp(
                old == null
                    ? clock.instant()
                    : old.metadata().creationTimestamp().orElse(clock.instant()))
            .build();
    putBsl(bsl.name(), new ObservedBsl(meta, bsl.spec(), Optional.empty(), Optional.empty()));
  }

  /**
   * A BSL, if it exists.
   *
   * @param name the name
   * @return the BSL with Velero's status
   */
  public synchronized Optional<ObservedBsl> bsl(String name) {
    return Optional.ofNullable(bsls.get(name));
  }

  /**
   * Every BSL, sorted by name.
   *
   * @return the BSLs
   */
  public synchronized List<ObservedBsl> bsls() {
    return List.copyOf(bsls.values());
  }

  // ---- score keeping --------------------------------------------------------------------------

  /**
   * Every write issued through a port (including failed ones), described without data.
   *
   * @return the writes, in order
   */
  public synchronized List<String> writes() {
    return List.copyOf(writes);
  }

  /**
   * Every write through a port that touched a BSL or Secret this library does not manage.
   *
   * @return descriptions, in order
   */
  public synchronized List<String> foreignWrites() {
    return List.copyOf(foreignWrites);
  }

  /**
   * The highest number of our BSLs that had {@code default: true} at once, checked after every
   * write through a port.
   *
   * @return the maximum
   */
  public synchronized int maxManagedDefaults() {
    return maxManagedDefaults;
  }

  /** Forgets the writes, foreign writes and the default maximum recorded so far. */
  public synchronized void resetScore() {
    writes.clear();
    foreignWrites.clear();
    maxManagedDefaults = managedDefaults();
  }

  // ---- shared with the Velero emulation -------------------------------------------------------

  synchronized boolean veleroInstalled() {
    return veleroInstalled;
  }

  synchronized void setVeleroInstalled(boolean installed) {
    if (!installed) {
      bsls.clear();
      managedDefaultCount = 0;
    }
    veleroInstalled = installed;
  }

  synchronized void putBslStatus(
      String name, Optional<VeleroPhase> phase, Optional<String> message) {
    ObservedBsl old = bsls.get(name);
    if (old == null) {
      return;
    }
    if (old.phase().equals(phase) && old.message().equals(message)) {
      return;
    }
    putBsl(
        name,
        new ObservedBsl(
            old.metadata().toBuilder().resourceVersion(nextVersion()).build(),
            old.spec(),
            phase,
            message));
  }

  synchronized void putBslDefault(String name, boolean value) {
    ObservedBsl old = bsls.get(name);
    if (old == null || old.isDefault() == value) {
      return;
    }
    putBsl(
        name,
        new ObservedBsl(
            old.metadata().toBuilder().resourceVersion(nextVersion()).build(),
            old.spec().withDefault(value),
            old.phase(),
            old.message()));
  }

  private void requireVelero() {
    if (!veleroInstalled) {
      throw new IllegalStateException("Velero is not installed");
    }
  }

  private BackupStore existing(StoreKey key) {
    BackupStore store = stores.get(key);
    if (store == null) {
      throw new IllegalStateException("no BackupStore " + key);
    }
    return store;
  }

  private String nextVersion() {
    return Long.toString(++resourceVersion);
  }

  /** Stores a BSL, keeping the count of our default BSLs current. */
  private void putBsl(String name, ObservedBsl bsl) {
    ObservedBsl old = bsls.put(name, bsl);
    managedDefaultCount += weight(bsl) - (old == null ? 0 : weight(old));
  }

  private void removeBsl(String name) {
    ObservedBsl old = bsls.remove(name);
    managedDefaultCount -= old == null ? 0 : weight(old);
  }

  private static int weight(ObservedBsl bsl) {
    return bsl.isManaged() && bsl.isDefault() ? 1 : 0;
  }

  private int managedDefaults() {
    return managedDefaultCount;
  }

  private void wrote(String what) {
    writes.add(what);
  }

  private void afterWrite() {
    maxManagedDefaults = Math.max(maxManagedDefaults, managedDefaults());
  }

  private static PortException notFound(String what) {
    return new PortException(new PortFailure.NotFound(what + " not found"));
  }

  private PortException missingType() {
    return new PortException(
        new PortFailure.ResourceTypeMissing(
            "the server could not find the requested resource backupstoragelocations.velero.io"));
  }

  private BackupStore conditional(StoreKey key, Optional<String> resourceVersion)
      throws PortException {
    BackupStore store = stores.get(key);
    if (store == null) {
      throw notFound("BackupStore " + key);
    }
    Optional<String> current = Objects.requireNonNull(store.metadata()).resourceVersion();
    if (resourceVersion.isPresent() && !resourceVersion.equals(current)) {
      throw new PortException(
          new PortFailure.Conflict(
              "BackupStore "
                  + key
                  + ": the object has been modified; resourceVersion "
                  + resourceVersion.get()
                  + " is stale"));
    }
    return store;
  }

  /** The port implementations, kept off the cluster's public surface. */
  private final class Ports implements BackupStorePort, BslPort, SecretPort {

    @Override
    public List<BackupStore> list(Set<String> namespaces) throws PortException {
      synchronized (InMemoryCluster.this) {
        faults.check(FaultInjector.Target.STORES, "list BackupStores");
        return stores.values().stream()
            .filter(
                s ->
                    namespaces.isEmpty()
                        || namespaces.contains(
                            Objects.requireNonNull(s.metadata()).namespace().orElse("")))
            .toList();
      }
    }

    @Override
    public String patchStatus(
        StoreKey key, Optional<String> resourceVersion, BackupStoreStatus status)
        throws PortException {
      synchronized (InMemoryCluster.this) {
        wrote("patch status " + key);
        faults.checkWrite(FaultInjector.Target.STORES, "patch status of BackupStore " + key);
        BackupStore store = conditional(key, resourceVersion);
        String rv = nextVersion();
        stores.put(
            key,
            store
                .withStatus(status)
                .withMetadata(
                    Objects.requireNonNull(store.metadata()).toBuilder()
                        .resourceVersion(rv)
                        .build()));
        return rv;
      }
    }

    @Override
    public String addFinalizer(StoreKey key, Optional<String> resourceVersion, String finalizer)
        throws PortException {
      synchronized (InMemoryCluster.this) {
        wrote("add finalizer " + key);
        faults.checkWrite(FaultInjector.Target.STORES, "add finalizer to BackupStore " + key);
        BackupStore store = conditional(key, resourceVersion);
        ObjectMetadata meta = Objects.requireNonNull(store.metadata());
        if (meta.finalizers().contains(finalizer)) {
          return meta.resourceVersion().orElse("");
        }
        if (meta.isBeingDeleted()) {
          throw new PortException(
              new PortFailure.Forbidden(
                  "BackupStore " + key + " is being deleted: no new finalizers may be added"));
        }
        List<String> finalizers = new ArrayList<>(meta.finalizers());
        finalizers.add(finalizer);
        String rv = nextVersion();
        stores.put(
            key,
            store.withMetadata(
                meta.toBuilder().finalizers(finalizers).resourceVersion(rv).build()));
        return rv;
      }
    }

    @Override
    public Optional<String> removeFinalizer(
        StoreKey key, Optional<String> resourceVersion, String finalizer) throws PortException {
      synchronized (InMemoryCluster.this) {
        wrote("remove finalizer " + key);
        faults.checkWrite(FaultInjector.Target.STORES, "remove finalizer from BackupStore " + key);
        BackupStore store = conditional(key, resourceVersion);
        ObjectMetadata meta = Objects.requireNonNull(store.metadata());
        List<String> finalizers = new ArrayList<>(meta.finalizers());
        if (!finalizers.remove(finalizer)) {
          return meta.resourceVersion();
        }
        if (finalizers.isEmpty() && meta.isBeingDeleted()) {
          stores.remove(key);
          return Optional.empty();
        }
        String rv = nextVersion();
        stores.put(
            key,
            store.withMetadata(
                meta.toBuilder().finalizers(finalizers).resourceVersion(rv).build()));
        return Optional.of(rv);
      }
    }

    @Override
    public List<ObservedBsl> list() throws PortException {
      synchronized (InMemoryCluster.this) {
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
      synchronized (InMemoryCluster.this) {
        wrote("apply BackupStorageLocation " + desired.name());
        faults.checkWrite(
            FaultInjector.Target.BSLS, "apply BackupStorageLocation " + desired.name());
        if (!veleroInstalled) {
          throw missingType();
        }
        ObservedBsl old = bsls.get(desired.name());
        String what = "BackupStorageLocation " + veleroNamespace + "/" + desired.name();
        expect(what, old == null ? null : old.metadata(), resourceVersion);
        if (old != null && !sameOwner(old.metadata(), desired.metadata())) {
          foreignWrites.add("apply BackupStorageLocation " + desired.name());
        }
        ObjectMetadata.Builder meta =
            (old == null ? desired.metadata() : merge(old.metadata(), desired.metadata()))
                .toBuilder().namespace(veleroNamespace).resourceVersion(nextVersion());
        if (old == null) {
          meta.creationTimestamp(clock.instant()).uid(UUID.randomUUID().toString());
        }
        putBsl(
            desired.name(),
            new ObservedBsl(
                meta.build(),
                desired.spec().withDefault(old != null && old.isDefault()),
                old == null ? Optional.empty() : old.phase(),
                old == null ? Optional.empty() : old.message()));
        afterWrite();
      }
    }

    @Override
    public void setDefault(String name, boolean value, String resourceVersion)
        throws PortException {
      synchronized (InMemoryCluster.this) {
        wrote("set default=" + value + " on BackupStorageLocation " + name);
        faults.checkWrite(
            FaultInjector.Target.BSLS, "set default on BackupStorageLocation " + name);
        if (!veleroInstalled) {
          throw missingType();
        }
        ObservedBsl old = bsls.get(name);
        if (old == null) {
          throw notFound("BackupStorageLocation " + veleroNamespace + "/" + name);
        }
        expect(
            "BackupStorageLocation " + veleroNamespace + "/" + name,
            old.metadata(),
            Optional.of(resourceVersion));
        if (!BslLabels.isManaged(old.metadata())) {
          foreignWrites.add("set default=" + value + " on BackupStorageLocation " + name);
        }
        putBslDefault(name, value);
        afterWrite();
      }
    }

    @Override
    public void delete(String name, String resourceVersion) throws PortException {
      synchronized (InMemoryCluster.this) {
        wrote("delete BackupStorageLocation " + name);
        faults.checkWrite(FaultInjector.Target.BSLS, "delete BackupStorageLocation " + name);
        if (!veleroInstalled) {
          throw missingType();
        }
        ObservedBsl old = bsls.get(name);
        if (old == null) {
          throw notFound("BackupStorageLocation " + veleroNamespace + "/" + name);
        }
        expect(
            "BackupStorageLocation " + veleroNamespace + "/" + name,
            old.metadata(),
            Optional.of(resourceVersion));
        if (BslLabels.provenOwner(old.metadata()).isEmpty()) {
          foreignWrites.add("delete BackupStorageLocation " + name);
        }
        removeBsl(name);
        afterWrite();
      }
    }

    @Override
    public Optional<SecretData> read(String namespace, String name) throws PortException {
      synchronized (InMemoryCluster.this) {
        faults.check(FaultInjector.Target.SECRETS, "read Secret " + namespace + "/" + name);
        return Optional.ofNullable(secrets.get(namespace + "/" + name)).map(StoredSecret::data);
      }
    }

    @Override
    public List<MirroredSecret> listMirrored() throws PortException {
      synchronized (InMemoryCluster.this) {
        faults.check(FaultInjector.Target.SECRETS, "list mirrored Secrets");
        List<MirroredSecret> out = new ArrayList<>();
        for (StoredSecret s : secrets.values()) {
          if (s.metadata().namespace().filter(veleroNamespace::equals).isPresent()
              && BslLabels.isManaged(s.metadata())) {
            out.add(new MirroredSecret(s.metadata(), s.data()));
          }
        }
        return out;
      }
    }

    @Override
    public Optional<ObjectMetadata> find(String name) throws PortException {
      synchronized (InMemoryCluster.this) {
        faults.check(FaultInjector.Target.SECRETS, "read Secret " + veleroNamespace + "/" + name);
        return Optional.ofNullable(secrets.get(veleroNamespace + "/" + name))
            .map(StoredSecret::metadata);
      }
    }

    @Override
    public void applyMirrored(MirroredSecret secret, Optional<String> resourceVersion)
        throws PortException {
      synchronized (InMemoryCluster.this) {
        wrote("apply Secret " + secret.name());
        faults.checkWrite(FaultInjector.Target.SECRETS, "apply Secret " + secret.name());
        String key = veleroNamespace + "/" + secret.name();
        StoredSecret old = secrets.get(key);
        expect("Secret " + key, old == null ? null : old.metadata(), resourceVersion);
        if (old != null && !sameOwner(old.metadata(), secret.metadata())) {
          foreignWrites.add("apply Secret " + secret.name());
        }
        ObjectMetadata meta =
            (old == null ? secret.metadata() : merge(old.metadata(), secret.metadata()))
                .toBuilder().namespace(veleroNamespace).resourceVersion(nextVersion()).build();
        secrets.put(key, new StoredSecret(meta, secret.data()));
      }
    }

    @Override
    public void deleteMirrored(String name, String resourceVersion) throws PortException {
      synchronized (InMemoryCluster.this) {
        wrote("delete Secret " + name);
        faults.checkWrite(FaultInjector.Target.SECRETS, "delete Secret " + name);
        StoredSecret old = secrets.get(veleroNamespace + "/" + name);
        if (old == null) {
          throw notFound("Secret " + veleroNamespace + "/" + name);
        }
        expect(
            "Secret " + veleroNamespace + "/" + name, old.metadata(), Optional.of(resourceVersion));
        if (BslLabels.provenOwner(old.metadata()).isEmpty()) {
          foreignWrites.add("delete Secret " + name);
        }
        secrets.remove(veleroNamespace + "/" + name);
      }
    }
  }

  /**
   * The API server's preconditions: without a resourceVersion the object must not exist (a create);
   * with one it must exist at exactly that version.
   */
  private static void expect(
      String what, @Nullable ObjectMetadata current, Optional<String> resourceVersion)
      throws PortException {
    if (resourceVersion.isEmpty()) {
      if (current != null) {
        throw new PortException(new PortFailure.Conflict(what + " already exists"));
      }
      return;
    }
    if (current == null) {
      throw notFound(what);
    }
    if (!resourceVersion.equals(current.resourceVersion())) {
      throw new PortException(
          new PortFailure.Conflict(
              what
                  + ": the object has been modified; resourceVersion "
                  + resourceVersion.get()
                  + " is stale"));
    }
  }

  /**
   * Whether a write of {@code desired} onto {@code old} stays within one store's objects: {@code
   * old}'s labels prove it belongs to the store {@code desired} names.
   */
  private static boolean sameOwner(ObjectMetadata old, ObjectMetadata desired) {
    Optional<String> owner = BslLabels.provenOwner(old);
    return owner.isPresent() && owner.equals(BslLabels.provenOwner(desired));
  }

  private static ObjectMetadata merge(ObjectMetadata old, ObjectMetadata desired) {
    TreeMap<String, String> labels = new TreeMap<>(old.labels());
    labels.putAll(desired.labels());
    TreeMap<String, String> annotations = new TreeMap<>(old.annotations());
    annotations.putAll(desired.annotations());
    return old.toBuilder().labels(labels).annotations(annotations).build();
  }
}
