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
