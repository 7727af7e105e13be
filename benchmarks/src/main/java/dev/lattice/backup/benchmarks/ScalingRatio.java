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
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TranslationPlan;
import dev.lattice.backup.translate.Translator;
import java.util.Arrays;
import java.util.List;

/**
 * plan(100,000) against plan(10,000) measured in one JVM, alternating: each round plans the
 * 10,000-store input ten times and then the 100,000-store input once, so both sizes see the same
 * machine (on a shared VM its speed drifts from minute to minute, and JMH measures the two sizes in
 * different forks minutes apart). Prints the medians of the last two thirds of the rounds and the
 * median of the per-round ratios. Not part of {@code verify}.
 *
 * <p>{@code java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar
 * dev.lattice.backup.benchmarks.ScalingRatio [rounds]}
 */
public final class ScalingRatio {
  private static final TranslationOptions OPTIONS = TranslationOptions.defaults();

  /** Keeps the plans alive, so the JIT cannot drop the work. */
  @SuppressWarnings("unused")
  private static volatile TranslationPlan sink;

  private ScalingRatio() {}

  /**
   * Runs the rounds and prints the result.
   *
   * @param args the number of rounds (default 90)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 90;
    List<BackupStore> small = Data.stores(10_000);
    List<BackupStore> large = Data.stores(100_000);
    double[] smallMs = new double[rounds];
    double[] largeMs = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      for (int k = 0; k < 10; k++) {
        sink = Translator.translateAll(small, List.of(), OPTIONS);
      }
      long t1 = System.nanoTime();
      sink = Translator.translateAll(large, List.of(), OPTIONS);
      long t2 = System.nanoTime();
      smallMs[r] = (t1 - t0) / 10e6;
      largeMs[r] = (t2 - t1) / 1e6;
    }
    int from = rounds / 3;
    double[] ratios = new double[rounds - from];
    for (int r = from; r < rounds; r++) {
      ratios[r - from] = largeMs[r] / smallMs[r];
    }
    System.out.printf(
        "plan(10,000) median %.2f ms, plan(100,000) median %.1f ms, median ratio %.2f"
            + " (quartiles %.2f–%.2f), over the last %d of %d rounds%n",
        median(Arrays.copyOfRange(smallMs, from, rounds)),
        median(Arrays.copyOfRange(largeMs, from, rounds)),
        median(ratios),
        quantile(ratios, 0.25),
        quantile(ratios, 0.75),
        rounds - from,
        rounds);
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
