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
package dev.lattice.backup.junit.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory cluster's score for invariants: every write issued through a port, every write that
 * touched an object this library does not manage, and the most BSLs of ours that were the default
 * at once. Guarded by the cluster's lock.
 */
final class WriteScore {
  private final List<String> writes = new ArrayList<>();
  private final List<String> foreignWrites = new ArrayList<>();
  private int maxManagedDefaults;

  /** Records a write through a port, before it is attempted. */
  void wrote(String what) {
    writes.add(what);
  }

  /** Records a write through a port onto an object this library does not manage. */
  void foreign(String what) {
    foreignWrites.add(what);
  }

  /** Records the number of our default BSLs after a write. */
  void afterWrite(int managedDefaults) {
    maxManagedDefaults = Math.max(maxManagedDefaults, managedDefaults);
  }

  List<String> writes() {
    return List.copyOf(writes);
  }

  List<String> foreignWrites() {
    return List.copyOf(foreignWrites);
  }

  int maxManagedDefaults() {
    return maxManagedDefaults;
  }

  /** Forgets the writes, and starts the maximum again from the current number of defaults. */
  void reset(int managedDefaults) {
    writes.clear();
    foreignWrites.clear();
    maxManagedDefaults = managedDefaults;
  }
}
