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
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.model.validation.BackupStoreValidator;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TranslationResult;
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

/** One store per provider: translate it, validate it, read it from YAML. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SingleStoreBenchmark {
  /** Which provider: 0 s3, 1 s3Compatible, 2 gcs, 3 azure. */
  @Param({"0", "1", "2", "3"})
  public int provider;

  private BackupStore store;
  private String yaml;
  private final TranslationOptions options = TranslationOptions.defaults();
  private final BackupStoreCodec codec = BackupStoreCodec.strict();

  /** Builds the store and its YAML text. */
  @Setup
  public void setUp() {
    store = Data.store(provider * 3);
    yaml = codec.writeYaml(store);
  }

  /**
   * Translates one store.
   *
   * @return the result
   */
  @Benchmark
  public TranslationResult translate() {
    return Translator.translate(store, options);
  }

  /**
   * Validates one store with every rule.
   *
   * @return the errors (none)
   */
  @Benchmark
  public List<FieldError> validate() {
    return BackupStoreValidator.validate(store);
  }

  /**
   * Reads one store from YAML text (strict: schema check, binding, limits).
   *
   * @return the store
   */
  @Benchmark
  public BackupStore readYaml() {
    return codec.read(yaml);
  }
}
