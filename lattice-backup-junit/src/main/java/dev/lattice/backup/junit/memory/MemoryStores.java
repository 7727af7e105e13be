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
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.BackupStorePort;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.translate.StoreKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The in-memory cluster's BackupStores: what a user does to them (create, change the spec, delete,
 * honouring finalizers), and the {@link BackupStorePort} the reconciler writes them through. The
 * user's side is called with the cluster's lock held; the port takes it.
 */
final class MemoryStores implements BackupStorePort {
  private final InMemoryCluster cluster;
  private final Clock clock;
  private final FaultInjector faults;
  private final WriteScore score;
  private final TreeMap<StoreKey, BackupStore> stores = new TreeMap<>();

  MemoryStores(InMemoryCluster cluster, Clock clock, FaultInjector faults, WriteScore score) {
    this.cluster = cluster;
    this.clock = clock;
    this.faults = faults;
    this.score = score;
  }

  // ---- the user's side ------------------------------------------------------------------------

  /** Creates a store as {@code kubectl create} would; see {@link InMemoryCluster#createStore}. */
  BackupStore create(BackupStore store) {
    ObjectMetadata meta = Objects.requireNonNull(store.metadata(), "metadata");
    StoreKey key =
        new StoreKey(meta.namespace().orElseThrow(), Objects.requireNonNull(meta.name()));
    if (stores.containsKey(key)) {
      throw new IllegalStateException("BackupStore " + key + " already exists");
    }
    ObjectMetadata created =
        meta.toBuilder()
            .uid(UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8)).toString())
            .generation(1L)
            .resourceVersion(cluster.nextVersion())
            .creationTimestamp(clock.instant())
            .deletionTimestamp(null)
            .build();
    BackupStore out = store.withMetadata(created).withStatus(null);
    stores.put(key, out);
    return out;
  }

  /** Replaces a store's spec; the generation grows when the spec changes. */
  BackupStore updateSpec(StoreKey key, BackupStoreSpec spec) {
    BackupStore store = existing(key);
    if (Objects.equals(store.spec(), spec)) {
      return store;
    }
    ObjectMetadata meta = Objects.requireNonNull(store.metadata());
    ObjectMetadata.Builder next = meta.toBuilder().resourceVersion(cluster.nextVersion());
    next.generation(meta.generation().orElse(0L) + 1);
    BackupStore out = store.withSpec(spec).withMetadata(next.build());
    stores.put(key, out);
    return out;
  }

  /** Deletes a store as {@code kubectl delete} would: with finalizers it is only marked. */
  void delete(StoreKey key) {
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
                  .resourceVersion(cluster.nextVersion())
                  .build()));
    }
  }

  Optional<BackupStore> get(StoreKey key) {
    return Optional.ofNullable(stores.get(key));
  }

  List<BackupStore> all() {
    return List.copyOf(stores.values());
  }

  // ---- the port -------------------------------------------------------------------------------

  @Override
  public List<BackupStore> list(Set<String> namespaces) throws PortException {
    synchronized (cluster) {
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
    synchronized (cluster) {
      score.wrote("patch status " + key);
      faults.checkWrite(FaultInjector.Target.STORES, "patch status of BackupStore " + key);
      BackupStore store = conditional(key, resourceVersion);
      String rv = cluster.nextVersion();
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
    synchronized (cluster) {
      score.wrote("add finalizer " + key);
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
      String rv = cluster.nextVersion();
      stores.put(
          key,
          store.withMetadata(meta.toBuilder().finalizers(finalizers).resourceVersion(rv).build()));
      return rv;
    }
  }

  @Override
  public Optional<String> removeFinalizer(
      StoreKey key, Optional<String> resourceVersion, String finalizer) throws PortException {
    synchronized (cluster) {
      score.wrote("remove finalizer " + key);
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
      String rv = cluster.nextVersion();
      stores.put(
          key,
          store.withMetadata(meta.toBuilder().finalizers(finalizers).resourceVersion(rv).build()));
      return Optional.of(rv);
    }
  }

  private BackupStore existing(StoreKey key) {
    BackupStore store = stores.get(key);
    if (store == null) {
      throw new IllegalStateException("no BackupStore " + key);
    }
    return store;
  }

  /** The store, if it exists at the resourceVersion given (any, when none is given). */
  private BackupStore conditional(StoreKey key, Optional<String> resourceVersion)
      throws PortException {
    BackupStore store = stores.get(key);
    if (store == null) {
      throw ApiServerRules.notFound("BackupStore " + key);
    }
    Optional<String> current = Objects.requireNonNull(store.metadata()).resourceVersion();
    if (resourceVersion.isPresent() && !resourceVersion.equals(current)) {
      throw ApiServerRules.stale("BackupStore " + key, resourceVersion.get());
    }
    return store;
  }
}
