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

import dev.lattice.backup.junit.memory.InMemoryCluster;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.ReconcileOutcome;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.plan.internal.ObservedState;
import dev.lattice.backup.reconcile.plan.internal.Planner;
import dev.lattice.backup.reconcile.plan.internal.Reads;
import dev.lattice.backup.reconcile.plan.internal.SecretRef;
import dev.lattice.backup.reconcile.plan.internal.SourceSecret;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.SecretData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory cluster of {@link Data#stores} after the reconciler has converged it (every store
 * reconciled and its BSL Available), with what the planner sees of it.
 */
final class Converged {
  private static final ReconcileOptions OPTIONS = ReconcileOptions.defaults();
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private final Reconciler reconciler;
  private final ObservedState observed;

  private Converged(Reconciler reconciler, ObservedState observed) {
    this.reconciler = reconciler;
    this.observed = observed;
  }

  /**
   * Builds and converges a cluster of {@code stores} stores and checks that it is converged: an
   * empty plan, and a reconcile pass that writes nothing.
   */
  static Converged of(int stores) throws PortException {
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
    Reconciler reconciler = new Reconciler(cluster.ports(), OPTIONS);
    reconciler.reconcile();
    cluster.velero().validateAll();
    reconciler.reconcile();
    ClusterPorts ports = cluster.ports();
    List<BackupStore> listed = ports.stores().list(Set.of());
    TreeMap<SecretRef, SourceSecret> sources = new TreeMap<>();
    for (SecretRef ref : Reads.sourcesToRead(listed, OPTIONS)) {
      sources.put(
          ref,
          ports
              .secrets()
              .read(ref.namespace(), ref.name())
              .<SourceSecret>map(SourceSecret.Present::new)
              .orElse(new SourceSecret.Absent()));
    }
    ObservedState observed =
        new ObservedState(
            listed, ports.bsls().list(), true, ports.secrets().listMirrored(), sources);
    Converged out = new Converged(reconciler, observed);
    Plan plan = out.plan();
    if (!plan.isEmpty()) {
      throw new IllegalStateException("the cluster is not converged: " + plan.steps().size());
    }
    ReconcileOutcome pass = out.reconcile();
    if (pass.writes() != 0 || !pass.failures().isEmpty()) {
      throw new IllegalStateException("a converged pass wrote: " + pass);
    }
    return out;
  }

  /** Plans over the converged cluster (the result is empty). */
  Plan plan() {
    return Planner.plan(observed, OPTIONS, NOW);
  }

  /**
   * One linear pass that reads what identifies each observed store, its namespace and name: the
   * least that any plan over the stores must read.
   */
  long readKeys() {
    long sum = 0;
    for (BackupStore store : observed.stores()) {
      ObjectMetadata meta = Objects.requireNonNull(store.metadata());
      sum += meta.namespace().map(String::length).orElse(0);
      sum += Objects.requireNonNullElse(meta.name(), "").length();
    }
    return sum;
  }

  /** One reconcile pass: reads everything through the ports, plans, writes nothing. */
  ReconcileOutcome reconcile() {
    return reconciler.reconcile();
  }
}
