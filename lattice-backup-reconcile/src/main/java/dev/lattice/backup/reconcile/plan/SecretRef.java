package dev.lattice.backup.reconcile.plan;

import java.util.Comparator;
import java.util.Objects;

/**
 * The namespace and name of a Secret.
 *
 * @param namespace the namespace
 * @param name the name
 */
public record SecretRef(String namespace, String name) implements Comparable<SecretRef> {
  private static final Comparator<SecretRef> ORDER =
      Comparator.comparing(SecretRef::namespace).thenComparing(SecretRef::name);

  /**
   * Checks nothing is null.
   *
   * @param namespace the namespace
   * @param name the name
   */
  public SecretRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public int compareTo(SecretRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
