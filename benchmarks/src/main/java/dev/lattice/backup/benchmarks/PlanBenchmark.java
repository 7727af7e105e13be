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
import java.util.List;
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
 * Planning over many stores: validate, translate, select the default, derive names — {@link
 * Translator#translateAll}. Linear is the target: 100,000 stores within 12× of 10,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlanBenchmark {
  /** How many stores. */
  @Param({"1000", "10000", "30000", "100000"})
  public int stores;

  private List<BackupStore> input;
  private final TranslationOptions options = TranslationOptions.defaults();

  /** Builds the stores. */
  @Setup
  public void setUp() {
    input = Data.stores(stores);
  }

  /**
   * Translates every store and selects the default.
   *
   * @return the plan
   */
  @Benchmark
  public TranslationPlan plan() {
    return Translator.translateAll(input, List.of(), options);
  }
}
