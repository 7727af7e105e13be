package dev.lattice.backup.junit;

/**
 * The control plane could not be built or started. The message says what is missing or what the
 * server printed; a test that needs the control plane fails with it, never skips.
 */
public final class ControlPlaneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ControlPlaneException(String message) {
    super(message);
  }

  ControlPlaneException(String message, Throwable cause) {
    super(message, cause);
  }
}
