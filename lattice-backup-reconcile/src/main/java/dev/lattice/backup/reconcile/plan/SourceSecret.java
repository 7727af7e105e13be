package dev.lattice.backup.reconcile.plan;

import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.SecretData;
import java.util.Objects;

/** What reading a store's credentials Secret found. */
public sealed interface SourceSecret {

  /**
   * The Secret exists.
   *
   * @param data its data
   */
  record Present(SecretData data) implements SourceSecret {
    /**
     * Checks nothing is null.
     *
     * @param data the data
     */
    public Present {
      Objects.requireNonNull(data, "data");
    }
  }

  /** The Secret does not exist. */
  record Absent() implements SourceSecret {}

  /**
   * The Secret could not be read.
   *
   * @param failure why
   */
  record Unreadable(PortFailure failure) implements SourceSecret {
    /**
     * Checks nothing is null.
     *
     * @param failure why
     */
    public Unreadable {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
