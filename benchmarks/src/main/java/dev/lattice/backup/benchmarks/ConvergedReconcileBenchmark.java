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

import dev.lattice.backup.reconcile.ReconcileOutcome;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.port.PortException;
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
 * the time for 10x the stores ({@code scripts/bench scaling} runs the sizes interleaved). The heap
 * is fixed and touched up front, so that neither heap growth nor first use of pages is measured,
 * and the young generation is fixed at 3 GiB: left to itself, G1 shrinks it to a few hundred MB to
 * meet its pause goal, and then every young collection during a 100,000-store pass copies that
 * pass's live working set again (see docs/performance.md).
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

  private Converged converged;

  /**
   * Builds and converges the cluster, then reads what the planner sees.
   *
   * @throws PortException never: the in-memory cluster has no faults
   */
  @Setup
  public void setUp() throws PortException {
    converged = Converged.of(stores);
  }

  /**
   * Plans over the converged cluster (the result is empty).
   *
   * @return the plan
   */
  @Benchmark
  public Plan planConverged() {
    return converged.plan();
  }

  /**
   * The floor the other two are read against: one linear pass that reads each observed store's
   * namespace and name and nothing else, the least any plan must read. It does no work that could
   * grow faster than the stores, so its ratio between sizes is what the machine's memory system
   * gives a linear pass over the same objects.
   *
   * @return a sum of the lengths read
   */
  @Benchmark
  public long readKeys() {
    return converged.readKeys();
  }

  /**
   * One full reconcile pass over the converged in-memory cluster: reads everything, plans, writes
   * nothing.
   *
   * @return the outcome (no writes)
   */
  @Benchmark
  public ReconcileOutcome reconcileConverged() {
    return converged.reconcile();
  }
}
