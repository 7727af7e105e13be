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
