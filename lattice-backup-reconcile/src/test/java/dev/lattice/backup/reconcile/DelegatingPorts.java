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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ports that pass every call through to another: a test overrides the one call it wants to break,
 * slow down or race, and calls {@code super} for what the real port should still do.
 */
final class DelegatingPorts {
  private DelegatingPorts() {}

  /** A store port that passes every call through. */
  static class Stores implements BackupStorePort {
    private final BackupStorePort real;

    Stores(BackupStorePort real) {
      this.real = real;
    }

    @Override
    public List<BackupStore> list(Set<String> namespaces) throws PortException {
      return real.list(namespaces);
    }

    @Override
    public String patchStatus(StoreKey store, Optional<String> rv, BackupStoreStatus status)
        throws PortException {
      return real.patchStatus(store, rv, status);
    }

    @Override
    public String addFinalizer(StoreKey store, Optional<String> rv, String finalizer)
        throws PortException {
      return real.addFinalizer(store, rv, finalizer);
    }

    @Override
    public Optional<String> removeFinalizer(StoreKey store, Optional<String> rv, String finalizer)
        throws PortException {
      return real.removeFinalizer(store, rv, finalizer);
    }
  }

  /** A BSL port that passes every call through. */
  static class Bsls implements BslPort {
    private final BslPort real;

    Bsls(BslPort real) {
      this.real = real;
    }

    @Override
    public List<ObservedBsl> list() throws PortException {
      return real.list();
    }

    @Override
    public void apply(BackupStorageLocation desired, Optional<String> resourceVersion)
        throws PortException {
      real.apply(desired, resourceVersion);
    }

    @Override
    public void setDefault(String name, boolean value, String resourceVersion)
        throws PortException {
      real.setDefault(name, value, resourceVersion);
    }

    @Override
    public void delete(String name, String resourceVersion) throws PortException {
      real.delete(name, resourceVersion);
    }
  }

  /** A Secret port that passes every call through. */
  static class Secrets implements SecretPort {
    private final SecretPort real;

    Secrets(SecretPort real) {
      this.real = real;
    }

    @Override
    public Optional<SecretData> read(String namespace, String name) throws PortException {
      return real.read(namespace, name);
    }

    @Override
    public List<MirroredSecret> listMirrored() throws PortException {
      return real.listMirrored();
    }

    @Override
    public Optional<ObjectMetadata> find(String name) throws PortException {
      return real.find(name);
    }

    @Override
    public void applyMirrored(MirroredSecret secret, Optional<String> resourceVersion)
        throws PortException {
      real.applyMirrored(secret, resourceVersion);
    }

    @Override
    public void deleteMirrored(String name, String resourceVersion) throws PortException {
      real.deleteMirrored(name, resourceVersion);
    }
  }
}
