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
package dev.lattice.backup.fabric8.adapter;

import dev.lattice.backup.model.BackupStore;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Collection;

/**
 * Where the ports of {@link Fabric8Ports#create(io.fabric8.kubernetes.client.KubernetesClient,
 * String, CachedReads)} read the three lists a reconcile pass starts from, instead of listing them
 * from the API server: an operator framework's informer caches, say. Every write still goes to the
 * API server, conditional on the resourceVersion read, so a stale cache costs a conflict and a
 * retry, never a wrong write.
 */
public interface CachedReads {

  /**
   * Every BackupStore, in any order.
   *
   * @return the stores, as the model
   */
  Collection<BackupStore> stores();

  /**
   * Every BackupStorageLocation in Velero's namespace, ours and foreign.
   *
   * @return the BSLs as generic resources
   */
  Collection<GenericKubernetesResource> bsls();

  /**
   * The Secrets in Velero's namespace that carry the managed-by label {@code
   * app.kubernetes.io/managed-by=lattice-backup}.
   *
   * @return the Secrets, with their data
   */
  Collection<Secret> mirroredSecrets();

  /**
   * Whether {@link #bsls()} follows the cluster: the framework's informer of BSLs has listed and
   * its watch is up. While it is not (Velero's CRD was deleted, say), the ports read the BSLs from
   * the API server, which tells a missing resource type from an empty list, so stores say that
   * Velero is not installed.
   *
   * @return whether the BSL cache can be read; true unless the implementation knows otherwise
   */
  default boolean bslsWatched() {
    return true;
  }
}
