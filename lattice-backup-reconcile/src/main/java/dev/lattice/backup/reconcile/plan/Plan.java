/*
 * Copyright 2026 The lattice-backup authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
 * <p>Order: the default unset on BSLs that lose it; finalizers added; Secrets mirrored; BSLs
 * applied (never changing {@code default}); stale BSLs and Secrets deleted; statuses written;
 * finalizers removed; the default set on the winner's existing BSL. A step depends on every earlier
 * step of the same store, and the step that sets the default depends on every step that unsets one,
 * so no intermediate state has two defaults written by us.
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
   * The part of this plan that concerns one store, without any step that moves the default: what a
   * per-store reconcile executes. It never writes another store's objects (not even the finalizer
   * or the BSL of the store that is to become the default); default moves are the default writer's
   * ({@link #defaultMoves()}), orphan collection waits for a full pass.
   *
   * @param store the store
   * @return the restricted plan, dependencies renumbered
   */
  public Plan restrictTo(StoreKey store) {
    TreeMap<StoreKey, BackupStoreStatus> mine = new TreeMap<>();
    BackupStoreStatus status = statuses.get(store);
    if (status != null) {
      mine.put(store, status);
    }
    return keep(
        step -> !step.movesDefault() && step.action().subject().filter(store::equals).isPresent(),
        mine);
  }

  /**
   * Every step but those that move the default: what a full pass executes before it hands the
   * default moves to the default writer.
   *
   * @return the plan without default moves
   */
  public Plan withoutDefaultMoves() {
    return keep(step -> !step.movesDefault(), statuses);
  }

  /**
   * Only the steps that move the default ({@link Action.SetDefault}): every unset, then the set
   * that depends on all of them. What the reconciler's single default writer executes, under its
   * lock, from a fresh observation.
   *
   * @return the default moves
   */
  public Plan defaultMoves() {
    return keep(Step::movesDefault, new TreeMap<>());
  }

  /**
   * Whether any step moves the default.
   *
   * @return true when the default writer has work
   */
  public boolean movesDefault() {
    return steps.stream().anyMatch(Step::movesDefault);
  }

  private Plan keep(
      java.util.function.Predicate<Step> wanted, SortedMap<StoreKey, BackupStoreStatus> kept) {
    List<Step> out = new ArrayList<>();
    Map<Integer, Integer> renumber = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (!wanted.test(step)) {
        continue;
      }
      List<Integer> deps = new ArrayList<>();
      for (int d : step.dependsOn()) {
        Integer mapped = renumber.get(d);
        if (mapped != null) {
          deps.add(mapped);
        }
      }
      renumber.put(i, out.size());
      out.add(new Step(step.action(), deps, step.movesDefault()));
    }
    return new Plan(out, kept, recheckAfter);
  }
}
