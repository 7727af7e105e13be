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
package dev.lattice.backup.model.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.validation.BackupStoreValidator;
import dev.lattice.backup.model.validation.FieldError;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Bean Validation through {@link PlainMessageInterpolator}: no EL on the class path (none is a test
 * dependency), no HV000183, and the same messages as the provider-free validator.
 */
class PlainMessageInterpolatorTest {

  /** Every log record Hibernate Validator writes while {@code action} runs. */
  private static List<String> logged(Runnable action) {
    List<String> records = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            records.add(r.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    handler.setLevel(Level.ALL);
    Logger logger = Logger.getLogger("org.hibernate.validator");
    logger.addHandler(handler);
    try {
      action.run();
    } finally {
      logger.removeHandler(handler);
    }
    return records;
  }

  private static final BackupStore BROKEN =
      BackupStore.of(
          ObjectMetadata.named("s").withNamespace("lattice-system"),
          BackupStoreSpec.of(BackupStorageSpec.s3(S3StorageConfig.of("ab").withRegion("US_EAST"))));

  @Test
  void theRecommendedFactoryLogsNoElWarningAndGivesTheValidatorsMessages() {
    List<FieldError> errors = new ArrayList<>();
    List<String> logged =
        logged(
            () -> {
              try (ValidatorFactory factory = PlainMessageInterpolator.validatorFactory()) {
                errors.addAll(
                    BackupStoreValidator.fromViolations(factory.getValidator().validate(BROKEN)));
              }
            });

    assertThat(logged).noneMatch(m -> m.contains("HV000183"));
    assertThat(errors).isNotEmpty().isEqualTo(BackupStoreValidator.validate(BROKEN));
  }

  @Test
  void withoutItHibernateValidatorComplainsAboutEl() {
    // the control: without an EL implementation, the default interpolator is refused with HV000183
    // (Hibernate Validator 9 throws it; earlier versions logged it), so the test above can fail
    List<String> seen = new ArrayList<>();
    seen.addAll(
        logged(
            () -> {
              try {
                Validation.buildDefaultValidatorFactory().close();
              } catch (ValidationException e) {
                seen.add(String.valueOf(e.getMessage()));
              }
            }));

    assertThat(seen).anyMatch(m -> m.contains("HV000183"));
  }

  @Test
  void attributesAreFilledInAndEscapesRemoved() {
    Map<String, Object> attributes = Map.of("min", 3, "max", 63);

    assertThat(PlainMessageInterpolator.interpolate("{min} to {max} characters", attributes))
        .isEqualTo("3 to 63 characters");
    assertThat(PlainMessageInterpolator.interpolate("\\{min\\} \\$ \\\\ {other}", attributes))
        .isEqualTo("{min} $ \\ {other}");
    assertThat(PlainMessageInterpolator.interpolate("${min}", attributes)).isEqualTo("${min}");
    assertThat(PlainMessageInterpolator.interpolate(Violations.literal("a {b} $c \\d"), attributes))
        .isEqualTo("a {b} $c \\d");
  }
}
