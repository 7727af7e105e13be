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
package dev.lattice.backup.fabric8.runtime;

import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.fabric8.adapter.internal.BslAdapter;
import dev.lattice.backup.fabric8.adapter.internal.CacheView;
import dev.lattice.backup.fabric8.adapter.internal.CachedPorts;
import dev.lattice.backup.fabric8.adapter.internal.Failures;
import dev.lattice.backup.fabric8.adapter.internal.SecretAdapter;
import dev.lattice.backup.fabric8.adapter.internal.StoreAdapter;
import dev.lattice.backup.fabric8.adapter.internal.Writes;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BslLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three informers and what the reconcile ports read from them: every BackupStore (all namespaces),
 * every BSL in Velero's namespace (ours and foreign: the default depends on both), and the Secrets
 * in Velero's namespace that carry our managed-by label. Each object is converted once, when it
 * arrives, into the record the planner reads, so a pass costs no conversion and no request. The
 * informers keep objects without {@code managedFields}, which nothing here reads.
 *
 * <p>Tenants' credentials Secrets are not watched: that would take a cluster-wide list and watch of
 * Secrets. {@link CachedPorts} reads them on demand instead.
 */
final class InformerCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InformerCache.class);

  /** What changed in the cache; the controller turns it into queued work. */
  sealed interface Change {
    /** A store was added, changed, resynced or deleted. */
    record Store(StoreKey key, @Nullable BackupStore before, @Nullable BackupStore after)
        implements Change {}

    /**
     * A BSL in Velero's namespace was added, changed, resynced or deleted. {@code owner} is the
     * store the object claims (its annotation), not the proven owner: the event wakes that store,
     * and its pass decides with {@code BslLabels.provenOwner} whether the object is its own, so a
     * tampered label still gets the store's status updated.
     */
    record Bsl(String name, Optional<StoreKey> owner, boolean defaultChanged) implements Change {}

    /** A mirrored Secret was added, changed or deleted; {@code owner} as for {@link Bsl}. */
    record Secret(String name, Optional<StoreKey> owner) implements Change {}
  }

  private final String veleroNamespace;
  private final Map<StoreKey, BackupStore> stores = new ConcurrentHashMap<>();
  private final Map<String, ObservedBsl> bsls = new ConcurrentHashMap<>();
  private final Map<String, MirroredSecret> mirrored = new ConcurrentHashMap<>();
  private final Expectations expectations;
  private final SharedIndexInformer<GenericKubernetesResource> storeInformer;
  private final SharedIndexInformer<GenericKubernetesResource> bslInformer;
  private final SharedIndexInformer<Secret> secretInformer;
  private volatile boolean bslTypeMissing;

  InformerCache(
      KubernetesClient client,
      String veleroNamespace,
      Duration resync,
      Expectations expectations,
      Consumer<Change> changes) {
    this.veleroNamespace = veleroNamespace;
    this.expectations = expectations;
    long resyncMillis = resync.toMillis();
    storeInformer =
        client
            .genericKubernetesResources(Resources.BACKUP_STORES)
            .inAnyNamespace()
            .runnableInformer(resyncMillis);
    storeInformer.itemStore(new Lean<>());
    storeInformer.addEventHandler(handler(this::onStore, changes));
    bslInformer =
        client
            .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
            .inNamespace(veleroNamespace)
            .runnableInformer(resyncMillis);
    bslInformer.itemStore(new Lean<>());
    bslInformer.addEventHandler(handler(this::onBsl, changes));
    secretInformer =
        client
            .secrets()
            .inNamespace(veleroNamespace)
            .withLabel(BslLabels.MANAGED_BY, BslLabels.MANAGER)
            .runnableInformer(resyncMillis);
    secretInformer.itemStore(new Lean<>());
    secretInformer.addEventHandler(handler(this::onSecret, changes));
  }

  /**
   * Starts the informers and waits until each has listed once.
   *
   * @param timeout how long to wait
   * @throws IllegalStateException when the caches do not fill in time
   */
  void start(Duration timeout) {
    try {
      storeInformer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      secretInformer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while filling the caches", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(
          Failures.describe("the BackupStore and Secret caches did not fill within " + timeout, e),
          Failures.scrubbed(e));
    }
    try {
      bslInformer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while filling the caches", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // Velero may not be installed yet: the BSL port then reads the API server, which says so.
      bslTypeMissing = true;
      LOG.warn(
          "{} (is Velero installed?)",
          Failures.describe("cannot watch BackupStorageLocations in " + veleroNamespace, e));
    }
  }

  /** Whether every informer has listed once and watches. */
  boolean synced() {
    return storeInformer.hasSynced()
        && secretInformer.hasSynced()
        && (bslTypeMissing || bslInformer.hasSynced());
  }

  List<BackupStore> stores() {
    return new ArrayList<>(stores.values());
  }

  Optional<BackupStore> store(StoreKey key) {
    return Optional.ofNullable(stores.get(key));
  }

  /** The cached object of a store, as the API server sent it (without managedFields). */
  Optional<GenericKubernetesResource> rawStore(StoreKey key) {
    return Optional.ofNullable(storeInformer.getStore().getByKey(key.toString()));
  }

  List<ObservedBsl> bsls() {
    return new ArrayList<>(bsls.values());
  }

  Optional<ObservedBsl> bsl(String name) {
    return Optional.ofNullable(bsls.get(name));
  }

  List<MirroredSecret> mirrored() {
    return new ArrayList<>(mirrored.values());
  }

  Optional<MirroredSecret> mirroredSecret(String name) {
    return Optional.ofNullable(mirrored.get(name));
  }

  /**
   * Whether the BSL cache can be trusted: the informer has listed and its watch is up. While Velero
   * is not installed, or its CRD was deleted (the informer then keeps trying to list), the BSL port
   * asks the API server, which says that the type is missing, so stores go Pending with reason
   * VeleroNotInstalled instead of waiting on a cache that no longer changes.
   */
  private boolean bslsCached() {
    return !bslTypeMissing && bslInformer.hasSynced() && bslInformer.isWatching();
  }

  /** What the ports read: the BSLs from the API server while the BSL cache cannot be trusted. */
  CacheView view() {
    return new CacheView() {
      @Override
      public List<BackupStore> stores() {
        return InformerCache.this.stores();
      }

      @Override
      public Optional<List<ObservedBsl>> bsls() {
        return bslsCached() ? Optional.of(InformerCache.this.bsls()) : Optional.empty();
      }

      @Override
      public List<MirroredSecret> mirrored() {
        return InformerCache.this.mirrored();
      }

      @Override
      public Optional<ObjectMetadata> knownSecret(String name) {
        return mirroredSecret(name).map(MirroredSecret::metadata);
      }
    };
  }

  int storeCount() {
    return stores.size();
  }

  /** Records one of the controller's writes, for {@link #caughtUp}. */
  void wrote(Writes.Kind kind, String name, Optional<String> version, Optional<StoreKey> owner) {
    Optional<StoreKey> whose = owner.or(() -> ownerOf(kind, name));
    whose.ifPresent(k -> expectations.expect(k, new Expectations.Target(kind, name), version));
  }

  /** Whether the cache shows every write the controller made for a store. */
  boolean caughtUp(StoreKey key) {
    return expectations.caughtUp(key, this::versionOf);
  }

  private Optional<StoreKey> ownerOf(Writes.Kind kind, String name) {
    return switch (kind) {
      case STORE -> StoreKey.parse(name);
      case BSL -> bsl(name).flatMap(b -> BslLabels.owner(b.metadata())).flatMap(StoreKey::parse);
      case SECRET ->
          mirroredSecret(name).flatMap(s -> BslLabels.owner(s.metadata())).flatMap(StoreKey::parse);
    };
  }

  private Optional<String> versionOf(Writes.Kind kind, String name) {
    return switch (kind) {
      case STORE -> StoreKey.parse(name).flatMap(this::store).flatMap(s -> versionOf(s.metadata()));
      case BSL -> bsl(name).flatMap(b -> b.metadata().resourceVersion());
      case SECRET -> mirroredSecret(name).flatMap(s -> s.metadata().resourceVersion());
    };
  }

  private static Optional<String> versionOf(@Nullable ObjectMetadata meta) {
    return meta == null ? Optional.empty() : meta.resourceVersion();
  }

  private @Nullable Change onStore(
      @Nullable GenericKubernetesResource before, @Nullable GenericKubernetesResource after) {
    GenericKubernetesResource any = after != null ? after : Objects.requireNonNull(before);
    StoreKey key = new StoreKey(any.getMetadata().getNamespace(), any.getMetadata().getName());
    BackupStore old = stores.get(key);
    if (after == null) {
      stores.remove(key);
      return new Change.Store(key, old, null);
    }
    BackupStore model = StoreAdapter.toModel(after);
    stores.put(key, model);
    return new Change.Store(key, old, model);
  }

  private @Nullable Change onBsl(
      @Nullable GenericKubernetesResource before, @Nullable GenericKubernetesResource after) {
    GenericKubernetesResource any = after != null ? after : Objects.requireNonNull(before);
    String name = any.getMetadata().getName();
    ObservedBsl old = bsls.get(name);
    ObservedBsl now = null;
    if (after == null) {
      bsls.remove(name);
    } else {
      now = BslAdapter.observe(after);
      bsls.put(name, now);
    }
    boolean defaultChanged = (old != null && old.isDefault()) != (now != null && now.isDefault());
    return new Change.Bsl(
        name,
        BslLabels.owner(ObjectMetadata.fromFabric8(any.getMetadata())).flatMap(StoreKey::parse),
        defaultChanged);
  }

  private @Nullable Change onSecret(@Nullable Secret before, @Nullable Secret after) {
    Secret any = after != null ? after : Objects.requireNonNull(before);
    String name = any.getMetadata().getName();
    if (after == null) {
      mirrored.remove(name);
    } else {
      mirrored.put(
          name,
          new MirroredSecret(
              ObjectMetadata.fromFabric8(after.getMetadata()), SecretAdapter.data(after)));
    }
    return new Change.Secret(
        name,
        BslLabels.owner(ObjectMetadata.fromFabric8(any.getMetadata())).flatMap(StoreKey::parse));
  }

  /** Converts an event into the cache's records, then tells the controller. */
  @FunctionalInterface
  private interface Update<T> {
    @Nullable Change apply(@Nullable T before, @Nullable T after);
  }

  private static <T> ResourceEventHandler<T> handler(Update<T> update, Consumer<Change> changes) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        publish(update.apply(null, obj));
      }

      @Override
      public void onUpdate(T before, T after) {
        publish(update.apply(before, after));
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        publish(update.apply(obj, null));
      }

      private void publish(@Nullable Change change) {
        if (change != null) {
          try {
            changes.accept(change);
          } catch (RuntimeException e) {
            LOG.error("handling a cache change failed: {}", change, e);
          }
        }
      }
    };
  }

  /** An informer's store that drops {@code managedFields} from what it keeps. */
  private static final class Lean<T extends HasMetadata> implements ItemStore<T> {
    private final Map<String, T> items = new ConcurrentHashMap<>();

    @Override
    public String getKey(T obj) {
      String ns = obj.getMetadata().getNamespace();
      return ns == null ? obj.getMetadata().getName() : ns + "/" + obj.getMetadata().getName();
    }

    @Override
    public @Nullable T put(String key, T obj) {
      obj.getMetadata().setManagedFields(null);
      return items.put(key, obj);
    }

    @Override
    public @Nullable T remove(String key) {
      return items.remove(key);
    }

    @Override
    public Stream<String> keySet() {
      return items.keySet().stream();
    }

    @Override
    public Stream<T> values() {
      return items.values().stream();
    }

    @Override
    public int size() {
      return items.size();
    }

    @Override
    public @Nullable T get(String key) {
      return items.get(key);
    }
  }

  @Override
  public void close() {
    storeInformer.close();
    bslInformer.close();
    secretInformer.close();
  }
}
