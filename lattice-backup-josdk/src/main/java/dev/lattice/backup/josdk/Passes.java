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
package dev.lattice.backup.josdk;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.reconcile.port.BackupStorePort;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.translate.StoreKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The store port of the JOSDK controller: the writes that belong to JOSDK are held back and handed
 * to it. During a pass of store S on a JOSDK worker thread, S's status is kept for {@code
 * UpdateControl.patchStatus} instead of being written, and (in a cleanup) the removal of S's
 * finalizer is kept for {@code DeleteControl.defaultDelete()}. During a sweep (a full pass that
 * collects orphans) the statuses and finalizer removals of all stores are dropped, as each store's
 * own pass writes them through JOSDK. Every other write, and every write outside a pass, goes to
 * the wrapped port.
 */
final class Passes implements BackupStorePort {
  private final BackupStorePort delegate;
  private final ThreadLocal<@Nullable Pass> current = new ThreadLocal<>();

  Passes(BackupStorePort delegate) {
    this.delegate = delegate;
  }

  /**
   * What one pass held back for JOSDK. Confined to the reconciling thread. A sweep (a full pass
   * that collects orphans) holds back the statuses and finalizer removals of every store: each
   * store's own pass writes them through JOSDK.
   */
  static final class Pass {
    final Optional<StoreKey> store;
    final boolean cleanup;
    Optional<BackupStoreStatus> status = Optional.empty();
    boolean finalizerRemoved;

    Pass(Optional<StoreKey> store, boolean cleanup) {
      this.store = store;
      this.cleanup = cleanup;
    }

    boolean isSweep() {
      return store.isEmpty();
    }
  }

  /** Runs a pass of a store on this thread, holding back its JOSDK writes. */
  Pass run(StoreKey store, boolean cleanup, Runnable body) {
    return run(new Pass(Optional.of(store), cleanup), body);
  }

  /** Runs a full pass on this thread, holding back every status and finalizer removal. */
  Pass sweep(Runnable body) {
    return run(new Pass(Optional.empty(), false), body);
  }

  private Pass run(Pass pass, Runnable body) {
    current.set(pass);
    try {
      body.run();
    } finally {
      current.remove();
    }
    return pass;
  }

  private Optional<Pass> passOf(StoreKey store) {
    Pass pass = current.get();
    return pass != null && (pass.isSweep() || pass.store.get().equals(store))
        ? Optional.of(pass)
        : Optional.empty();
  }

  @Override
  public List<BackupStore> list(Set<String> namespaces) throws PortException {
    return delegate.list(namespaces);
  }

  @Override
  public String patchStatus(
      StoreKey store, Optional<String> resourceVersion, BackupStoreStatus status)
      throws PortException {
    Optional<Pass> pass = passOf(store).filter(p -> !p.cleanup);
    if (pass.isPresent()) {
      if (!pass.get().isSweep()) {
        pass.get().status = Optional.of(status);
      }
      // Nothing was written: the version read is still the store's version.
      return resourceVersion.orElse("");
    }
    return delegate.patchStatus(store, resourceVersion, status);
  }

  @Override
  public String addFinalizer(StoreKey store, Optional<String> resourceVersion, String finalizer)
      throws PortException {
    return delegate.addFinalizer(store, resourceVersion, finalizer);
  }

  @Override
  public Optional<String> removeFinalizer(
      StoreKey store, Optional<String> resourceVersion, String finalizer) throws PortException {
    Optional<Pass> pass = passOf(store).filter(p -> p.cleanup || p.isSweep());
    if (pass.isPresent()) {
      if (pass.get().isSweep()) {
        // Left to the store's own cleanup, through JOSDK; the store is still there.
        return Optional.of(resourceVersion.orElse(""));
      }
      pass.get().finalizerRemoved = true;
      return Optional.empty();
    }
    return delegate.removeFinalizer(store, resourceVersion, finalizer);
  }
}
