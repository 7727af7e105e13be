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
package dev.lattice.backup.model.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.model.io.BackupStoreReadException;
import dev.lattice.backup.model.validation.BackupStoreValidator;

/**
 * Fuzzing the untrusted reader: any text, YAML or JSON, strict or lenient, ends in stores or in our
 * one documented error type, never anything else. In {@code verify} this runs the saved inputs (the
 * directory {@code ReaderFuzzTestInputs} beside it); {@code -Pfuzz} fuzzes for real.
 */
class ReaderFuzzTest {
  private static final BackupStoreCodec STRICT = BackupStoreCodec.strict();
  private static final BackupStoreCodec LENIENT = BackupStoreCodec.lenient();

  @FuzzTest(maxDuration = "60s")
  void anyTextReadsOrFailsWithOurError(FuzzedDataProvider data) {
    boolean strict = data.consumeBoolean();
    String text = data.consumeRemainingAsString();
    try {
      var stores = (strict ? STRICT : LENIENT).readAll(text);
      stores.forEach(BackupStoreValidator::validate);
    } catch (BackupStoreReadException e) {
      assertThat(e.errors()).isNotEmpty();
      assertThat(e.getMessage()).isNotNull();
    }
  }
}
