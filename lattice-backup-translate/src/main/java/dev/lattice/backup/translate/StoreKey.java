package dev.lattice.backup.translate;

import dev.lattice.backup.model.BackupStore;
import java.util.Comparator;
import java.util.Objects;

/**
 * A BackupStore's identity: namespace and name. Ordered by namespace, then name.
 *
 * @param namespace the namespace
 * @param name the name
 */
public record StoreKey(String namespace, String name) implements Comparable<StoreKey> {
  private static final Comparator<StoreKey> ORDER =
      Comparator.comparing(StoreKey::namespace).thenComparing(StoreKey::name);

  /**
   * Checks nothing is null.
   *
   * @param namespace the namespace
   * @param name the name
   */
  public StoreKey {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /**
   * The key of a store; a missing namespace or name reads as empty.
   *
   * @param store the store
   * @return its key
   */
  public static StoreKey of(BackupStore store) {
    var meta = store.metadata();
    if (meta == null) {
      return new StoreKey("", "");
    }
    return new StoreKey(meta.namespace().orElse(""), Objects.requireNonNullElse(meta.name(), ""));
  }

  @Override
  public int compareTo(StoreKey other) {
    return ORDER.compare(this, other);
  }

  /** {@code namespace/name}. */
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
