package dev.lattice.backup.reconcile.plan;

import java.util.List;
import java.util.Objects;

/**
 * An action in a plan and the earlier steps it depends on: when one of those failed or was skipped,
 * this step is skipped too.
 *
 * @param action the action
 * @param dependsOn indexes of earlier steps in the same plan, ascending
 * @param movesDefault whether the step sets or unsets a BSL's {@code default}
 */
public record Step(Action action, List<Integer> dependsOn, boolean movesDefault) {
  /**
   * Copies the dependencies.
   *
   * @param action the action
   * @param dependsOn the earlier steps
   * @param movesDefault whether the step moves the default
   */
  public Step {
    Objects.requireNonNull(action, "action");
    dependsOn = List.copyOf(dependsOn);
  }
}
