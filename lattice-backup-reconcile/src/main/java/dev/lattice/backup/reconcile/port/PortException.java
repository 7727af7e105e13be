package dev.lattice.backup.reconcile.port;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one exception a port may throw: a classified {@link PortFailure}. Checked, so that an adapter
 * must classify its client's errors at compile time.
 */
public final class PortException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The classified failure; records are serializable only in spirit, so it is transient. */
  @SuppressWarnings("serial")
  private final transient PortFailure failure;

  /**
   * A port failure.
   *
   * @param failure the classified failure
   */
  public PortException(PortFailure failure) {
    this(failure, null);
  }

  /**
   * A port failure with the client's exception kept for debugging.
   *
   * @param failure the classified failure
   * @param cause the underlying exception, if any
   */
  public PortException(PortFailure failure, @Nullable Throwable cause) {
    super(Objects.requireNonNull(failure, "failure").message(), cause, false, cause != null);
    this.failure = failure;
  }

  /**
   * The classified failure.
   *
   * @return the failure
   */
  public PortFailure failure() {
    return failure;
  }
}
