package dev.lattice.backup.translate.defaults;

import java.util.Objects;

/**
 * A BackupStorageLocation in Velero's namespace that this library does not manage, as observed.
 *
 * @param name its name
 * @param isDefault whether it is marked default
 */
public record ForeignBsl(String name, boolean isDefault) {
  /**
   * Checks the name is not null.
   *
   * @param name its name
   * @param isDefault whether it is default
   */
  public ForeignBsl {
    Objects.requireNonNull(name, "name");
  }
}
