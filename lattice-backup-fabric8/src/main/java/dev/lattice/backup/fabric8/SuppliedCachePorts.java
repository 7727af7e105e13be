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
package dev.lattice.backup.fabric8;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.BackupStorePort;
import dev.lattice.backup.reconcile.port.BslPort;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.reconcile.port.SecretPort;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Ports whose lists come from {@link CachedReads}; everything else goes to the adapters. */
final class SuppliedCachePorts {
  private SuppliedCachePorts() {}

  /** BackupStores listed from the cache, written through the adapter. */
  record Stores(CachedReads reads, BackupStorePort writes) implements BackupStorePort {
    @Override
    public List<BackupStore> list(Set<String> namespaces) {
      List<BackupStore> out = new ArrayList<>();
      for (BackupStore store : reads.stores()) {
        Optional<String> ns =
            store.metadata() == null ? Optional.empty() : store.metadata().namespace();
        if (namespaces.isEmpty() || ns.filter(namespaces::contains).isPresent()) {
          out.add(store);
        }
      }
      return out;
    }

    @Override
    public String patchStatus(
        StoreKey store, Optional<String> resourceVersion, BackupStoreStatus status)
        throws PortException {
      return writes.patchStatus(store, resourceVersion, status);
    }

    @Override
    public String addFinalizer(StoreKey store, Optional<String> resourceVersion, String finalizer)
        throws PortException {
      return writes.addFinalizer(store, resourceVersion, finalizer);
    }

    @Override
    public Optional<String> removeFinalizer(
        StoreKey store, Optional<String> resourceVersion, String finalizer) throws PortException {
      return writes.removeFinalizer(store, resourceVersion, finalizer);
    }
  }

  /** BSLs listed from the cache, written through the adapter. */
  record Bsls(CachedReads reads, BslPort writes) implements BslPort {
    @Override
    public List<ObservedBsl> list() {
      List<ObservedBsl> out = new ArrayList<>();
      for (GenericKubernetesResource item : reads.bsls()) {
        out.add(BslAdapter.observe(item));
      }
      return out;
    }

    @Override
    public void apply(BackupStorageLocation desired, Optional<String> resourceVersion)
        throws PortException {
      writes.apply(desired, resourceVersion);
    }

    @Override
    public void setDefault(String name, boolean value, String resourceVersion)
        throws PortException {
      writes.setDefault(name, value, resourceVersion);
    }

    @Override
    public void delete(String name, String resourceVersion) throws PortException {
      writes.delete(name, resourceVersion);
    }
  }

  /**
   * Mirrored Secrets listed from the cache; a store's own Secret and a look at a name before a
   * write are read from the API server (a cache of every Secret would need cluster-wide watch).
   */
  record Secrets(CachedReads reads, SecretPort writes) implements SecretPort {
    @Override
    public Optional<SecretData> read(String namespace, String name) throws PortException {
      return writes.read(namespace, name);
    }

    @Override
    public List<MirroredSecret> listMirrored() {
      List<MirroredSecret> out = new ArrayList<>();
      for (Secret s : reads.mirroredSecrets()) {
        ObjectMetadata meta = ObjectMetadata.fromFabric8(s.getMetadata());
        if (BslLabels.isManaged(meta)) {
          out.add(new MirroredSecret(meta, SecretAdapter.data(s)));
        }
      }
      return out;
    }

    @Override
    public Optional<ObjectMetadata> find(String name) throws PortException {
      return writes.find(name);
    }

    @Override
    public void applyMirrored(MirroredSecret secret, Optional<String> resourceVersion)
        throws PortException {
      writes.applyMirrored(secret, resourceVersion);
    }

    @Override
    public void deleteMirrored(String name, String resourceVersion) throws PortException {
      writes.deleteMirrored(name, resourceVersion);
    }
  }
}
