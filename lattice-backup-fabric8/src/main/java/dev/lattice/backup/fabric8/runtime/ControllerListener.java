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
package dev.lattice.backup.fabric8.runtime;

import dev.lattice.backup.reconcile.ReconcileOutcome;
import java.time.Duration;
import java.util.Optional;

/**
 * What a {@link BackupStoreController} reports as it works, for metrics and logs; every method does
 * nothing by default. Called from the controller's threads: return quickly, never throw.
 */
public interface ControllerListener {
  /**
   * A pass ended.
   *
   * @param store the store's {@code namespace/name}, or empty for a pass over every store
   * @param outcome what it did
   * @param took how long it took
   */
  default void passed(Optional<String> store, ReconcileOutcome outcome, Duration took) {}

  /**
   * This controller started or stopped leading (always "started" without leader election).
   *
   * @param leading whether it now leads
   */
  default void leading(boolean leading) {}
}
