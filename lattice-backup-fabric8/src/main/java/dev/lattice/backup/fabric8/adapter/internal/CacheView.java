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
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import java.util.List;
import java.util.Optional;

/**
 * What {@link CachedPorts} reads instead of the API server: the controller's own informer cache
 * ({@code dev.lattice.backup.fabric8.runtime.InformerCache}), or an operator framework's caches
 * through {@link dev.lattice.backup.fabric8.adapter.CachedReads}.
 */
public interface CacheView {

  /**
   * Every BackupStore in the cache, in any order.
   *
   * @return the stores
   */
  List<BackupStore> stores();

  /**
   * Every BSL in Velero's namespace, ours and foreign; empty when the cache cannot serve them (the
   * BSL type was missing when it started), and the API server must be asked.
   *
   * @return the BSLs, or empty
   */
  Optional<List<ObservedBsl>> bsls();

  /**
   * The Secrets in Velero's namespace that carry the managed-by label.
   *
   * @return the mirrored Secrets
   */
  List<MirroredSecret> mirrored();

  /**
   * A Secret in Velero's namespace by name, when the cache knows it; empty when the API server must
   * be asked.
   *
   * @param name the Secret's name
   * @return its metadata, or empty
   */
  Optional<ObjectMetadata> knownSecret(String name);
}
