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
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The resource types the adapter talks to. */
public final class Resources {
  /** BackupStores, {@code lattice.dev/v1alpha1}, namespaced. */
  public static final ResourceDefinitionContext BACKUP_STORES =
      new ResourceDefinitionContext.Builder()
          .withGroup(BackupStore.GROUP)
          .withVersion(BackupStore.VERSION)
          .withKind(BackupStore.KIND)
          .withPlural(BackupStore.PLURAL)
          .withNamespaced(true)
          .build();

  /** Velero's BackupStorageLocations, {@code velero.io/v1}, namespaced. */
  public static final ResourceDefinitionContext BACKUP_STORAGE_LOCATIONS =
      new ResourceDefinitionContext.Builder()
          .withGroup("velero.io")
          .withVersion("v1")
          .withKind(BackupStorageLocation.KIND)
          .withPlural("backupstoragelocations")
          .withNamespaced(true)
          .build();

  /** The field manager of every server-side apply, {@value}. */
  public static final String FIELD_MANAGER = "lattice-backup";

  /** The field manager of the one field the default writer changes, {@code spec.default}. */
  public static final String DEFAULT_FIELD_MANAGER = "lattice-backup-default";

  /** For encoding strings into hand-written JSON patches. */
  static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private Resources() {}

  /**
   * A plain create (POST, refused with 409 when the name is taken) recorded under {@link
   * #FIELD_MANAGER}; fabric8's {@code create()} cannot name a field manager.
   *
   * @param client the client
   * @param collection the collection's path, such as {@code /api/v1/namespaces/velero/secrets}
   * @param resource the object to create
   * @param type the type to read the server's answer as
   * @param <T> the object's type
   * @return the object as created
   */
  static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T create(
      io.fabric8.kubernetes.client.KubernetesClient client,
      String collection,
      T resource,
      Class<T> type) {
    String created = client.raw(collection + "?fieldManager=" + FIELD_MANAGER, "POST", resource);
    if (created == null) {
      throw new io.fabric8.kubernetes.client.KubernetesClientException(
          "the server answered 404 to a create at " + collection, 404, null);
    }
    return client.getKubernetesSerialization().unmarshal(created, type);
  }
}
