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
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.memory.InMemoryCluster;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.plan.internal.ObservedState;
import dev.lattice.backup.reconcile.plan.internal.Planner;
import dev.lattice.backup.reconcile.plan.internal.SecretRef;
import dev.lattice.backup.reconcile.plan.internal.SourceSecret;
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
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The reconcile planner over a converged cluster: every store reconciled and Available, so the plan
 * is empty. This is what a controller pays on every resync; run with {@code -prof gc} to see what
 * it allocates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConvergedReconcileBenchmark {
  /** How many stores. */
  @Param({"10000"})
  public int stores;

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
    Reconciler reconciler = new Reconciler(cluster.ports(), options);
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
}
