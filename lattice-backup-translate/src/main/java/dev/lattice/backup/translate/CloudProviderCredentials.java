package dev.lattice.backup.translate;

import dev.lattice.backup.translate.bsl.SecretKeyRef;

/**
 * Where the credentials of a Lattice CloudProvider live in Velero's namespace: a pure function from
 * a {@code cloudProviderRef} to a Secret key. Must be deterministic.
 */
@FunctionalInterface
public interface CloudProviderCredentials {
  /**
   * The Secret key holding the credentials of the named CloudProvider.
   *
   * @param cloudProviderRef the CloudProvider's name
   * @return the Secret key, in Velero's namespace
   */
  SecretKeyRef secretFor(String cloudProviderRef);

  /**
   * The original Lattice controller's convention: Secret {@code velero-credentials-<ref>}, key
   * {@code cloud}.
   *
   * @return the convention
   */
  static CloudProviderCredentials latticeConvention() {
    return ref -> new SecretKeyRef("velero-credentials-" + ref, "cloud");
  }
}
