package dev.lattice.backup.reconcile.port;

import java.util.List;
import java.util.Optional;

/** Secrets: reading a store's credentials, and the mirrored copies in Velero's namespace. */
public interface SecretPort {

  /**
   * Reads a Secret's data.
   *
   * @param namespace the Secret's namespace
   * @param name the Secret's name
   * @return the data, or empty when the Secret does not exist
   * @throws PortException on any other failure
   */
  Optional<SecretData> read(String namespace, String name) throws PortException;

  /**
   * Lists the Secrets in Velero's namespace that carry this library's managed-by label.
   *
   * @return the mirrored Secrets with their data
   * @throws PortException on failure
   */
  List<MirroredSecret> listMirrored() throws PortException;

  /**
   * Creates or replaces a mirrored Secret in Velero's namespace.
   *
   * @param secret the Secret
   * @throws PortException on failure
   */
  void applyMirrored(MirroredSecret secret) throws PortException;

  /**
   * Deletes a mirrored Secret from Velero's namespace.
   *
   * @param name the Secret's name
   * @throws PortException on failure; {@link PortFailure.NotFound} when already gone
   */
  void deleteMirrored(String name) throws PortException;
}
