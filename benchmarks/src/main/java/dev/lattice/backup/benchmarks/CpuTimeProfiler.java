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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, beside JMH's wall time: {@code cpu.process}, the whole JVM's CPU time
 * (the benchmark thread, the garbage collector's threads, the JIT) and {@code cpu.worker}, the
 * benchmark threads' alone, each divided by the operations of the iteration. On a machine whose
 * cores are shared with other work, wall time also counts the time the benchmark waits for a core;
 * CPU time does not, so the two sizes of a scaling run can be compared even when the load changes
 * between them. Use: {@code -prof dev.lattice.backup.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long processStart;
  private long workersStart;

  /** A profiler; JMH makes it by reflection. */
  public CpuTimeProfiler() {}

  @Override
  public String getDescription() {
    return "CPU time per operation: the JVM's and the benchmark threads'";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    workersStart = workersCpu();
    processStart = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
    long process = os.getProcessCpuTime() - processStart;
    long workers = workersCpu() - workersStart;
    long ops = Math.max(1, result.getMetadata().getMeasuredOps());
    List<Result> out = new ArrayList<>(2);
    out.add(new ScalarResult("cpu.process", process / 1e6 / ops, "ms/op", AggregationPolicy.AVG));
    out.add(new ScalarResult("cpu.worker", workers / 1e6 / ops, "ms/op", AggregationPolicy.AVG));
    return out;
  }

  /** The CPU time of JMH's benchmark threads, in nanoseconds. */
  private long workersCpu() {
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains("jmh-worker")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }
}
