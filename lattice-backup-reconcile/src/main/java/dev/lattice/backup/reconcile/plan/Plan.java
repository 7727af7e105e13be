package dev.lattice.backup.reconcile.plan;

import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.translate.StoreKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What to write, in order, and what every store's status should be. An empty plan means the cluster
 * is converged.
 *
 * <p>Order: default moves away from BSLs that lose it; finalizers added; Secrets mirrored; BSLs
 * applied (the new default last among dependents of the moves); stale BSLs and Secrets deleted;
 * statuses written; finalizers removed. A step depends on every earlier step of the same store, and
 * the step that sets a default depends on every step that unsets one, so no intermediate state has
 * two defaults written by us.
 *
 * @param steps the steps, in execution order
 * @param statuses the status every live store should show after the plan, by store
 * @param recheckAfter when to plan again although nothing changes (a Pending store), if ever
 */
public record Plan(
    List<Step> steps,
    SortedMap<StoreKey, BackupStoreStatus> statuses,
    Optional<Duration> recheckAfter) {

  /**
   * Copies the collections and checks that dependencies point backwards.
   *
   * @param steps the steps
   * @param statuses the statuses
   * @param recheckAfter the recheck delay
   */
  public Plan {
    steps = List.copyOf(steps);
    statuses = Collections.unmodifiableSortedMap(new TreeMap<>(statuses));
    Objects.requireNonNull(recheckAfter, "recheckAfter");
    for (int i = 0; i < steps.size(); i++) {
      for (int d : steps.get(i).dependsOn()) {
        if (d < 0 || d >= i) {
          throw new IllegalArgumentException("step " + i + " depends on step " + d);
        }
      }
    }
  }

  /**
   * Whether there is nothing to write.
   *
   * @return true when converged
   */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /**
   * The actions, in order.
   *
   * @return the actions
   */
  public List<Action> actions() {
    return steps.stream().map(Step::action).toList();
  }

  /**
   * The part of this plan that concerns one store, plus every step that moves the default (a change
   * to one store can move the cluster default between others). Orphan collection and other stores'
   * changes wait for a full pass.
   *
   * @param store the store
   * @return the restricted plan, dependencies renumbered
   */
  public Plan restrictTo(StoreKey store) {
    List<Step> kept = new ArrayList<>();
    Map<Integer, Integer> renumber = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      boolean mine = step.action().subject().filter(store::equals).isPresent();
      if (!mine && !step.movesDefault()) {
        continue;
      }
      List<Integer> deps = new ArrayList<>();
      for (int d : step.dependsOn()) {
        Integer mapped = renumber.get(d);
        if (mapped != null) {
          deps.add(mapped);
        }
      }
      renumber.put(i, kept.size());
      kept.add(new Step(step.action(), deps, step.movesDefault()));
    }
    TreeMap<StoreKey, BackupStoreStatus> mine = new TreeMap<>();
    BackupStoreStatus status = statuses.get(store);
    if (status != null) {
      mine.put(store, status);
    }
    return new Plan(kept, mine, recheckAfter);
  }
}
