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
