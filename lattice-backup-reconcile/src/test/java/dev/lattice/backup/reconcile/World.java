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

import dev.lattice.backup.junit.memory.InMemoryCluster;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.testing.MutableClock;
import dev.lattice.backup.translate.StoreKey;
import java.time.Duration;
import java.time.Instant;

/** An in-memory cluster, a reconciler on a hand-moved clock, and shortcuts for tests. */
final class World {
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final InMemoryCluster cluster = new InMemoryCluster(Fixtures.VELERO, clock);
  final ReconcileOptions options;
  final Reconciler reconciler;

  World() {
    this(Fixtures.OPTIONS);
  }

  World(ReconcileOptions options) {
    this.options = options;
    this.reconciler = new Reconciler(cluster.ports(), options, clock, () -> 0.5);
  }

  BackupStore create(BackupStore store) {
    clock.tick(Duration.ofSeconds(1));
    return cluster.createStore(store);
  }

  ReconcileOutcome reconcile() {
    clock.tick(Duration.ofSeconds(1));
    return reconciler.reconcile();
  }

  Plan plan() {
    try {
      return reconciler.plan();
    } catch (PortException e) {
      throw new AssertionError("planning failed: " + e.failure(), e);
    }
  }

  BackupStore store(String namespace, String name) {
    return cluster
        .store(new StoreKey(namespace, name))
        .orElseThrow(() -> new AssertionError("no store " + namespace + "/" + name));
  }

  BackupStoreStatus status(String namespace, String name) {
    return store(namespace, name)
        .status()
        .orElseThrow(() -> new AssertionError("no status on " + namespace + "/" + name));
  }
}
