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
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.Translator;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An operation at 100,000 stores against the same at 10,000, measured in one JVM, alternating: each
 * round runs the 10,000-store operation ten times and then the 100,000-store one once, so both
 * sizes see the same machine (on a shared VM its speed drifts from minute to minute, and JMH
 * measures the two sizes in different forks minutes apart). For each round it takes the wall time,
 * the CPU time of the measuring thread (which a busy machine does not inflate: time spent waiting
 * for a core is not counted) and the garbage collectors' time. Prints the medians of the last two
 * thirds of the rounds and the median and quartiles of the per-round ratios. Not part of {@code
 * verify}; the JMH benchmarks are the measurement of record, this is a cross-check.
 *
 * <p>{@code java -Xms6g -Xmx6g -Xmn3g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar
 * dev.lattice.backup.benchmarks.ScalingRatio [translate|plan|reconcile] [rounds]}: {@code
 * translate} is {@link Translator#translateAll} over the stores, {@code plan} the planner over a
 * converged cluster, {@code reconcile} a whole converged reconcile pass (see {@link Converged}).
 */
public final class ScalingRatio {
  private static final TranslationOptions OPTIONS = TranslationOptions.defaults();

  /** Keeps the results alive, so the JIT cannot drop the work. */
  @SuppressWarnings("unused")
  private static volatile Object sink;

  private ScalingRatio() {}

  /**
   * Runs the rounds and prints the result.
   *
   * @param args what to measure (default {@code translate}), then the number of rounds (default 90,
   *     30 for plan and reconcile)
   * @throws PortException never: the in-memory cluster has no faults
   */
  public static void main(String[] args) throws PortException {
    String what = args.length > 0 ? args[0] : "translate";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : what.equals("translate") ? 90 : 30;
    Runnable small;
    Runnable large;
    switch (what) {
      case "translate" -> {
        List<BackupStore> s = Data.stores(10_000);
        List<BackupStore> l = Data.stores(100_000);
        small = () -> sink = Translator.translateAll(s, List.of(), OPTIONS);
        large = () -> sink = Translator.translateAll(l, List.of(), OPTIONS);
      }
      case "plan", "reconcile" -> {
        Converged s = Converged.of(10_000);
        Converged l = Converged.of(100_000);
        boolean plan = what.equals("plan");
        small = () -> sink = plan ? s.plan() : s.reconcile();
        large = () -> sink = plan ? l.plan() : l.reconcile();
      }
      default -> throw new IllegalArgumentException("translate, plan or reconcile: " + what);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[][] smallMs = new double[3][rounds];
    double[][] largeMs = new double[3][rounds];
    for (int r = 0; r < rounds; r++) {
      long[] t0 = now(threads);
      for (int k = 0; k < 10; k++) {
        small.run();
      }
      long[] t1 = now(threads);
      large.run();
      long[] t2 = now(threads);
      for (int m = 0; m < 3; m++) {
        smallMs[m][r] = (t1[m] - t0[m]) / 10e6;
        largeMs[m][r] = (t2[m] - t1[m]) / 1e6;
      }
    }
    int from = rounds / 3;
    String[] names = {"wall", "thread CPU", "GC"};
    System.out.printf(Locale.ROOT, "%s, last %d of %d rounds:%n", what, rounds - from, rounds);
    for (int m = 0; m < 3; m++) {
      double[] ratios = new double[rounds - from];
      for (int r = from; r < rounds; r++) {
        ratios[r - from] = largeMs[m][r] / smallMs[m][r];
      }
      System.out.printf(
          Locale.ROOT,
          "  %-10s 10,000: median %.2f ms, 100,000: median %.1f ms; ratio median %.2f"
              + " (quartiles %.2f-%.2f)%n",
          names[m],
          median(Arrays.copyOfRange(smallMs[m], from, rounds)),
          median(Arrays.copyOfRange(largeMs[m], from, rounds)),
          median(ratios),
          quantile(ratios, 0.25),
          quantile(ratios, 0.75));
    }
  }

  /** Wall time, this thread's CPU time and the collectors' total time, in nanoseconds. */
  private static long[] now(ThreadMXBean threads) {
    long gc = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, bean.getCollectionTime()) * 1_000_000L;
    }
    return new long[] {System.nanoTime(), threads.getCurrentThreadCpuTime(), gc};
  }

  private static double median(double[] values) {
    return quantile(values, 0.5);
  }

  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }
}
