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
package dev.lattice.backup.translate;

import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.testing.fixtures.Seeds;
import java.time.Instant;

/** Small builders for test stores. */
final class Stores {
  private Stores() {}

  /**
   * The default options, except that platform stores (in {@code lattice-system}) may name no
   * credentials, so that Velero uses its own: for tests about the mapping rather than credentials.
   */
  static final TranslationOptions PLATFORM_DEFAULT_CREDENTIALS =
      TranslationOptions.defaults().toBuilder()
          .trust(
              TrustPolicy.defaults()
                  .withDefaultCredentialNamespaces(java.util.Set.of("lattice-system")))
          .build();

  static BackupStore seed(String file) {
    return Seeds.store(file);
  }

  static BackupStore store(String namespace, String name, BackupStorageSpec storage) {
    return BackupStore.of(
        ObjectMetadata.named(name).withNamespace(namespace), BackupStoreSpec.of(storage));
  }

  static BackupStore defaultStore(
      String namespace, String name, BackupStorageSpec storage, Instant created) {
    return BackupStore.of(
        ObjectMetadata.builder().namespace(namespace).name(name).creationTimestamp(created).build(),
        new BackupStoreSpec(true, storage));
  }
}
