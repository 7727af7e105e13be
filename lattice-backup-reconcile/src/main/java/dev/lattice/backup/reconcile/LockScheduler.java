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

import dev.lattice.backup.translate.StoreKey;
import java.util.function.Supplier;

/**
 * How one reconciler schedules its passes under locks, keeping its concurrent passes apart:
 * per-store passes of different stores run together, two passes of the same store never do, a full
 * pass runs alone, and the default is moved by one writer at a time. Package-private: tests
 * substitute a scheduler that chooses the interleavings; production uses {@link Locks}.
 */
interface LockScheduler {

  /** Runs a per-store pass of {@code store}. */
  <T> T storePass(StoreKey store, Supplier<T> body);

  /** Runs a full pass. */
  <T> T fullPass(Supplier<T> body);

  /** Runs the default writer, inside a pass. */
  <T> T defaultWriter(Supplier<T> body);
}
