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
package dev.lattice.backup.benchmarks;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.reconcile.ReconcileOutcome;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.memory.InMemoryCluster;
import dev.lattice.backup.reconcile.plan.ObservedState;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.Planner;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.plan.SecretRef;
import dev.lattice.backup.reconcile.plan.SourceSecret;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.SecretData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A converged cluster: every store reconciled and Available, so the plan is empty. This is what a
 * controller pays on every resync: {@link #planConverged} is the planner alone, {@link
 * #reconcileConverged} a whole pass of the {@link Reconciler} over the in-memory cluster (reading
 * every store, BSL and Secret through the ports, planning, writing nothing). Run with {@code -prof
 * gc} to see what it allocates. The sizes measure how the pass scales: the target is at most 12x
 * the time for 10x the stores ({@code scripts/bench-scaling.sh} runs the sizes interleaved). The
 * heap is fixed and touched up front, so that neither heap growth nor first use of pages is
 * measured, and the young generation is fixed at 3 GiB: left to itself, G1 shrinks it to a few
 * hundred MB to meet its pause goal, and then every young collection during a 100,000-store pass
 * copies that pass's live working set again (see docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 3,
    jvmArgs = {"-Xms6g", "-Xmx6g", "-Xmn3g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 4)
public class ConvergedReconcileBenchmark {
  /** How many stores. */
  @Param({"10000", "30000", "100000"})
  public int stores;

  private Reconciler reconciler;

  private ObservedState observed;
  private final ReconcileOptions options = ReconcileOptions.defaults();
  private final Instant now = Instant.parse("2026-06-01T00:00:00Z");

  /**
   * Builds and converges the cluster, then reads what the planner sees.
   *
   * @throws PortException never: the in-memory cluster has no faults
   */
  @Setup
  public void setUp() throws PortException {
    InMemoryCluster cluster = InMemoryCluster.create();
    SecretData data = SecretData.of(Map.of("cloud", "k".getBytes(StandardCharsets.UTF_8)));
    for (int t = 0; t < 50; t++) {
      cluster.putSecret("team-" + t, "minio-creds", data);
      cluster.putSecret("team-" + t, "gcs-creds", data);
    }
    cluster.putSecret(Data.PLATFORM, "minio-creds", data);
    cluster.putSecret(Data.PLATFORM, "gcs-creds", data);
    for (BackupStore store : Data.stores(stores)) {
      cluster.createStore(store);
    }
    reconciler = new Reconciler(cluster.ports(), options);
    reconciler.reconcile();
    cluster.velero().validateAll();
    reconciler.reconcile();
    ClusterPorts ports = cluster.ports();
    List<BackupStore> listed = ports.stores().list(Set.of());
    TreeMap<SecretRef, SourceSecret> sources = new TreeMap<>();
    for (SecretRef ref : Planner.sourcesToRead(listed, options)) {
      sources.put(
          ref,
          ports
              .secrets()
              .read(ref.namespace(), ref.name())
              .<SourceSecret>map(SourceSecret.Present::new)
              .orElse(new SourceSecret.Absent()));
    }
    observed =
        new ObservedState(
            listed, ports.bsls().list(), true, ports.secrets().listMirrored(), sources);
    Plan plan = Planner.plan(observed, options, now);
    if (!plan.isEmpty()) {
      throw new IllegalStateException("the cluster is not converged: " + plan.steps().size());
    }
    ReconcileOutcome pass = reconciler.reconcile();
    if (pass.writes() != 0 || !pass.failures().isEmpty()) {
      throw new IllegalStateException("a converged pass wrote: " + pass);
    }
  }

  /**
   * Plans over the converged cluster (the result is empty).
   *
   * @return the plan
   */
  @Benchmark
  public Plan planConverged() {
    return Planner.plan(observed, options, now);
  }

  /**
   * One full reconcile pass over the converged in-memory cluster: reads everything, plans, writes
   * nothing.
   *
   * @return the outcome (no writes)
   */
  @Benchmark
  public ReconcileOutcome reconcileConverged() {
    return reconciler.reconcile();
  }
}
