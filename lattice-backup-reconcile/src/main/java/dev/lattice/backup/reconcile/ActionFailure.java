package dev.lattice.backup.reconcile;

import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.port.PortFailure;
import java.util.Objects;
import java.util.Optional;

/**
 * A port call that failed during a reconcile.
 *
 * @param action the action that failed, or empty when reading the cluster failed
 * @param failure the classified failure
 */
public record ActionFailure(Optional<Action> action, PortFailure failure) {
  /**
   * Checks nothing is null.
   *
   * @param action the action
   * @param failure the failure
   */
  public ActionFailure {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(failure, "failure");
  }

  @Override
  public String toString() {
    return action.map(a -> a + ": ").orElse("reading the cluster: ") + failure.message();
  }
}
