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
package dev.lattice.backup.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The desired state of a BackupStore ({@code spec}).
 *
 * @param isDefault whether this is the default store, used by backups that name no {@code
 *     storeRef}; written {@code default} in JSON, false when absent
 * @param storage the storage provider configuration; required (null only in an unvalidated store)
 */
public record BackupStoreSpec(
    @JsonProperty("default") boolean isDefault,
    @NotNull(message = "Required value") @Valid @Nullable BackupStorageSpec storage) {

  /**
   * A non-default store using the given storage.
   *
   * @param storage the storage configuration
   * @return the spec
   */
  public static BackupStoreSpec of(BackupStorageSpec storage) {
    return new BackupStoreSpec(false, storage);
  }

  /**
   * A copy that is, or is not, the default store.
   *
   * @param value whether the store is the default
   * @return the copy
   */
  public BackupStoreSpec withDefault(boolean value) {
    return new BackupStoreSpec(value, storage);
  }

  /**
   * A copy with other storage.
   *
   * @param value the storage configuration
   * @return the copy
   */
  public BackupStoreSpec withStorage(@Nullable BackupStorageSpec value) {
    return new BackupStoreSpec(isDefault, value);
  }
}
