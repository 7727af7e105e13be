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

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.memory.InMemoryCluster;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.port.PortException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "Reconciling" snippet of docs/operations.md (once the README's), compiled and run. */
class ReadmeExampleTest {

  @Test
  void theReadmeSnippetRuns() throws PortException {
    List<String> warnings = new ArrayList<>();
    List<Duration> scheduled = new ArrayList<>();

    InMemoryCluster cluster = InMemoryCluster.create();
    cluster.createStore(Fixtures.seed("s3-store.yaml"));
    Reconciler reconciler = new Reconciler(cluster.ports(), ReconcileOptions.defaults());

    ReconcileOutcome outcome = reconciler.reconcile();
    outcome.failures().forEach(f -> warnings.add(f.toString()));
    outcome.requeueAfter().ifPresent(scheduled::add);

    Plan plan = reconciler.plan();

    assertThat(warnings).isEmpty();
    assertThat(scheduled).containsExactly(Duration.ofSeconds(15));
    assertThat(plan.isEmpty()).isTrue();
    assertThat(cluster.bsl("lattice-production-s3")).isPresent();
  }
}
