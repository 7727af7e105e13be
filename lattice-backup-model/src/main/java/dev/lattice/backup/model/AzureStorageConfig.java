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

import dev.lattice.backup.model.validation.internal.FieldRule;
import dev.lattice.backup.model.validation.internal.Satisfies;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Azure Blob Storage ({@code spec.storage.azure}).
 *
 * @param container the blob container name; required (null only in an unvalidated store)
 * @param storageAccount the storage account name (Velero's azure plugin needs it)
 */
public record AzureStorageConfig(
    @NotNull(message = "Required value") @Satisfies(FieldRule.AZURE_CONTAINER)
        @Nullable String container,
    @Satisfies(FieldRule.AZURE_STORAGE_ACCOUNT) Optional<String> storageAccount) {

  /**
   * Normalises an absent storage account to {@link Optional#empty()}.
   *
   * @param container the blob container name; required (null only in an unvalidated store)
   * @param storageAccount the storage account name (Velero's azure plugin needs it)
   */
  public AzureStorageConfig {
    storageAccount = Objects.requireNonNullElse(storageAccount, Optional.empty());
  }

  /**
   * A configuration naming only the container.
   *
   * @param container the container name
   * @return the configuration
   */
  public static AzureStorageConfig of(@Nullable String container) {
    return new AzureStorageConfig(container, Optional.empty());
  }

  /**
   * A copy with the storage account set, or cleared when {@code value} is null.
   *
   * @param value the storage account name, or null
   * @return the copy
   */
  public AzureStorageConfig withStorageAccount(@Nullable String value) {
    return new AzureStorageConfig(container, Optional.ofNullable(value));
  }

  /** The names, shown only when their rules accept them (a refused value may be a credential). */
  @Override
  public String toString() {
    return "AzureStorageConfig[container="
        + Shown.value(FieldRule.AZURE_CONTAINER, container)
        + ", storageAccount="
        + Shown.value(FieldRule.AZURE_STORAGE_ACCOUNT, storageAccount)
        + "]";
  }
}
