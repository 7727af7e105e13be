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
package dev.lattice.backup.reconcile;

import dev.lattice.backup.reconcile.plan.Action;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one reconcile did.
 *
 * @param done the actions that succeeded, in order
 * @param skipped the actions not attempted because an action they depend on failed
 * @param failures the port calls that failed
 * @param writes the write requests issued, including failed ones
 * @param requeueAfter when to reconcile again: after a backoff when something failed, after the
 *     recheck delay while a store is Pending, empty when converged
 */
public record ReconcileOutcome(
    List<Action> done,
    List<Action> skipped,
    List<ActionFailure> failures,
    int writes,
    Optional<Duration> requeueAfter) {
  /**
   * Copies the lists.
   *
   * @param done the actions done
   * @param skipped the actions skipped
   * @param failures the failures
   * @param writes the writes issued
   * @param requeueAfter the requeue hint
   */
  public ReconcileOutcome {
    done = List.copyOf(done);
    skipped = List.copyOf(skipped);
    failures = List.copyOf(failures);
    Objects.requireNonNull(requeueAfter, "requeueAfter");
  }

  /**
   * Whether the pass found nothing to do and nothing failed.
   *
   * @return true when the cluster was already converged
   */
  public boolean wasConverged() {
    return writes == 0 && failures.isEmpty();
  }

  /**
   * Whether every planned action succeeded.
   *
   * @return true when nothing failed
   */
  public boolean succeeded() {
    return failures.isEmpty();
  }
}
