package dev.lattice.backup.reconcile.port;

import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import java.util.List;

/**
 * Velero's BackupStorageLocations, in Velero's namespace. When the BSL resource type does not exist
 * (Velero is not installed) every method fails with {@link PortFailure.ResourceTypeMissing}, never
 * with {@link PortFailure.NotFound}.
 */
public interface BslPort {

  /**
   * Lists every BSL in Velero's namespace, ours and foreign, with Velero's status.
   *
   * @return the BSLs, in any order
   * @throws PortException on failure
   */
  List<ObservedBsl> list() throws PortException;

  /**
   * Creates or updates a BSL so that the fields this library owns equal the given ones (server-side
   * apply in a real cluster); other fields and Velero's status are left alone.
   *
   * @param desired the desired BSL
   * @throws PortException on failure
   */
  void apply(BackupStorageLocation desired) throws PortException;

  /**
   * Sets only {@code spec.default} of an existing BSL; used to unset a default, including a foreign
   * one under the take-over policy.
   *
   * @param name the BSL's name
   * @param value the new value
   * @throws PortException on failure; {@link PortFailure.NotFound} when the BSL is gone
   */
  void setDefault(String name, boolean value) throws PortException;

  /**
   * Deletes a BSL.
   *
   * @param name the BSL's name
   * @throws PortException on failure; {@link PortFailure.NotFound} when already gone
   */
  void delete(String name) throws PortException;
}
