package dev.lattice.backup.translate.defaults;

import java.util.Objects;

/**
 * Why one store that asked to be the default is not.
 *
 * @param reason the machine-readable reason
 * @param message a human-readable explanation, naming the winner or the foreign default
 */
public record NotDefault(DefaultReason reason, String message) {
  /**
   * Checks nothing is null.
   *
   * @param reason the reason
   * @param message the explanation
   */
  public NotDefault {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
