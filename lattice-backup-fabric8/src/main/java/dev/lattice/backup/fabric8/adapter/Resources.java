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

import dev.lattice.backup.fabric8.adapter.internal.Requests;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The resource types the adapter talks to. */
public final class Resources {
  /** BackupStores, {@code lattice.dev/v1alpha1}, namespaced. */
  public static final ResourceDefinitionContext BACKUP_STORES = Requests.BACKUP_STORES;

  /** Velero's BackupStorageLocations, {@code velero.io/v1}, namespaced. */
  public static final ResourceDefinitionContext BACKUP_STORAGE_LOCATIONS =
      Requests.BACKUP_STORAGE_LOCATIONS;

  /** The field manager of every server-side apply, {@value}. */
  public static final String FIELD_MANAGER = Requests.FIELD_MANAGER;

  /** The field manager of the one field the default writer changes, {@code spec.default}. */
  public static final String DEFAULT_FIELD_MANAGER = Requests.DEFAULT_FIELD_MANAGER;

  private Resources() {}
}
