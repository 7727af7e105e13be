package dev.lattice.backup.translate.bsl;

import java.util.Objects;

/**
 * A key of a Secret in Velero's namespace ({@code SecretKeySelector}): where Velero reads a
 * location's credentials.
 *
 * @param name the Secret's name
 * @param key the key inside the Secret, conventionally {@code cloud}
 */
public record SecretKeyRef(String name, String key) {
  /**
   * Checks nothing is null.
   *
   * @param name the Secret's name
   * @param key the key inside the Secret
   */
  public SecretKeyRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
  }
}
