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
