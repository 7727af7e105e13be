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
package dev.lattice.backup.fabric8.adapter.internal;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.BackupStorePort;
import dev.lattice.backup.reconcile.port.BslPort;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.reconcile.port.SecretPort;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The reconcile ports over a {@link CacheView}: lists come from the cache, writes go to the API
 * server through the plain adapters (conditional on the version read, or server-side apply).
 *
 * <p>Credentials Secrets outside Velero's namespace are read on demand with a GET, and a read is
 * reused for {@code sourceTtl}: a burst of passes over one store reads its Secret once, and a
 * rotated credential reaches Velero at the latest one TTL after the next pass of its store (every
 * resync makes such a pass). Watching only the referenced Secrets would take one watch per Secret;
 * watching them all would take a cluster-wide list and watch of Secrets, which a least-privilege
 * controller must not have. A Secret in Velero's namespace that the cache does not know (a name a
 * mirror would take) is looked up with a GET too: that happens once per new mirror.
 */
public final class CachedPorts {
  private CachedPorts() {}

  /**
   * The controller's ports: adapters that report every write to {@code writes} (the cache's
   * expectations), and write a store from its cached object when the version matches.
   *
   * @param client the client
   * @param veleroNamespace Velero's namespace
   * @param cachedStore a store's cached object, as the API server sent it, when the cache holds it
   * @param writes told of every write
   * @param view the cache the lists are read from
   * @param sourceTtl how long a credentials Secret read is reused; zero reads it every time
   * @param nanos the clock the reuse is timed by
   * @return the ports
   */
  public static ClusterPorts over(
      KubernetesClient client,
      String veleroNamespace,
      Function<StoreKey, Optional<GenericKubernetesResource>> cachedStore,
      Writes writes,
      CacheView view,
      Duration sourceTtl,
      LongSupplier nanos) {
    ClusterPorts direct =
        new ClusterPorts(
            new StoreAdapter(client, cachedStore, writes),
            new BslAdapter(client, veleroNamespace, writes),
            new SecretAdapter(client, veleroNamespace, writes),
            Optional.of(veleroNamespace));
    return over(direct, view, sourceTtl, nanos);
  }

  /**
   * Ports that read lists from {@code view} and do everything else through {@code direct}.
   *
   * @param direct the ports for everything but the lists
   * @param view the cache the lists are read from
   * @param sourceTtl how long a credentials Secret read is reused; zero reads it every time
   * @param nanos the clock the reuse is timed by
   * @return the ports
   */
  public static ClusterPorts over(
      ClusterPorts direct, CacheView view, Duration sourceTtl, LongSupplier nanos) {
    SecretPort api = direct.secrets();
    Reader reads =
        sourceTtl.isZero() ? api::read : new TtlReads(api::read, sourceTtl.toNanos(), nanos);
    return new ClusterPorts(
        new Stores(view, direct.stores()),
        new Bsls(view, direct.bsls()),
        new Secrets(view, api, reads),
        direct.veleroNamespace());
  }

  /** Stores from the cache. */
  private record Stores(CacheView cache, BackupStorePort api) implements BackupStorePort {
    @Override
    public List<BackupStore> list(Set<String> namespaces) {
      List<BackupStore> all = cache.stores();
      if (namespaces.isEmpty()) {
        return all;
      }
      List<BackupStore> out = new ArrayList<>();
      for (BackupStore s : all) {
        if (s.metadata() != null
            && s.metadata().namespace().filter(namespaces::contains).isPresent()) {
          out.add(s);
        }
      }
      return out;
    }

    @Override
    public String patchStatus(
        StoreKey store, Optional<String> resourceVersion, BackupStoreStatus status)
        throws PortException {
      return api.patchStatus(store, resourceVersion, status);
    }

    @Override
    public String addFinalizer(StoreKey store, Optional<String> resourceVersion, String finalizer)
        throws PortException {
      return api.addFinalizer(store, resourceVersion, finalizer);
    }

    @Override
    public Optional<String> removeFinalizer(
        StoreKey store, Optional<String> resourceVersion, String finalizer) throws PortException {
      return api.removeFinalizer(store, resourceVersion, finalizer);
    }
  }

  /** BSLs from the cache; the API server while the cache cannot serve them. */
  private record Bsls(CacheView cache, BslPort api) implements BslPort {
    @Override
    public List<ObservedBsl> list() throws PortException {
      Optional<List<ObservedBsl>> cached = cache.bsls();
      return cached.isPresent() ? cached.get() : api.list();
    }

    @Override
    public void apply(BackupStorageLocation desired, Optional<String> resourceVersion)
        throws PortException {
      api.apply(desired, resourceVersion);
    }

    @Override
    public void setDefault(String name, boolean value, String resourceVersion)
        throws PortException {
      api.setDefault(name, value, resourceVersion);
    }

    @Override
    public void delete(String name, String resourceVersion) throws PortException {
      api.delete(name, resourceVersion);
    }
  }

  /**
   * How a credentials Secret is read: straight from the API server, or through {@link TtlReads}.
   */
  @FunctionalInterface
  private interface Reader {
    Optional<SecretData> read(String namespace, String name) throws PortException;
  }

  /**
   * Mirrored Secrets from the cache, credentials through {@code reads}; everything else through
   * {@code api}.
   */
  private record Secrets(CacheView cache, SecretPort api, Reader reads) implements SecretPort {
    @Override
    public Optional<SecretData> read(String namespace, String name) throws PortException {
      return reads.read(namespace, name);
    }

    @Override
    public List<MirroredSecret> listMirrored() {
      return cache.mirrored();
    }

    @Override
    public Optional<ObjectMetadata> find(String name) throws PortException {
      Optional<ObjectMetadata> known = cache.knownSecret(name);
      return known.isPresent() ? known : api.find(name);
    }

    @Override
    public void applyMirrored(MirroredSecret secret, Optional<String> resourceVersion)
        throws PortException {
      api.applyMirrored(secret, resourceVersion);
    }

    @Override
    public void deleteMirrored(String name, String resourceVersion) throws PortException {
      api.deleteMirrored(name, resourceVersion);
    }
  }

  /** Credentials Secrets read through {@code api} and reused for a while. */
  private static final class TtlReads implements Reader {
    private final Reader api;
    private final long ttlNanos;
    private final LongSupplier nanos;
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    /** A credentials Secret as read, and when. */
    private record Read(Optional<SecretData> data, long at) {}

    TtlReads(Reader api, long ttlNanos, LongSupplier nanos) {
      this.api = api;
      this.ttlNanos = ttlNanos;
      this.nanos = nanos;
    }

    @Override
    public Optional<SecretData> read(String namespace, String name) throws PortException {
      String key = namespace + "/" + name;
      long now = nanos.getAsLong();
      Read kept = reads.get(key);
      if (kept != null && now - kept.at() < ttlNanos) {
        return kept.data();
      }
      Optional<SecretData> data = api.read(namespace, name);
      reads.put(key, new Read(data, now));
      if (reads.size() > 100_000) {
        reads.values().removeIf(r -> now - r.at() >= ttlNanos);
      }
      return data;
    }
  }
}
