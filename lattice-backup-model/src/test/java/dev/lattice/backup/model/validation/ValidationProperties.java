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
package dev.lattice.backup.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.Condition;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import dev.lattice.backup.testing.fixtures.Mutations;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of validation: valid stores pass, one broken rule gives exactly one error, and Bean
 * Validation agrees.
 */
class ValidationProperties {
  private static final Validator BEAN_VALIDATOR = BeanValidation.validator();

  @Provide
  Arbitrary<BackupStore> validStores() {
    return ModelArbitraries.validStores();
  }

  @Provide
  Arbitrary<Mutations.Mutated> mutatedStores() {
    return ModelArbitraries.validStores().flatMap(Mutations::of);
  }

  @Property
  void everyGeneratedValidStoreHasNoViolation(@ForAll("validStores") BackupStore store) {
    assertThat(BackupStoreValidator.validate(store)).isEmpty();
    assertThat(BEAN_VALIDATOR.validate(store)).isEmpty();
  }

  @Property
  void breakingOneRuleReportsExactlyThatField(@ForAll("mutatedStores") Mutations.Mutated m) {
    List<FieldError> errors = BackupStoreValidator.validate(m.store());

    assertThat(errors).extracting(FieldError::path).containsExactly(m.expectedPath());
  }

  @Property
  void beanValidationReportsTheSameErrors(@ForAll("mutatedStores") Mutations.Mutated m) {
    List<FieldError> direct =
        BackupStoreValidator.validate(m.store()).stream()
            .sorted(Comparator.comparing(FieldError::path).thenComparing(FieldError::message))
            .toList();

    assertThat(BackupStoreValidator.fromViolations(BEAN_VALIDATOR.validate(m.store())))
        .isEqualTo(direct);
  }

  @Property
  void validationIsDeterministic(@ForAll("mutatedStores") Mutations.Mutated m) {
    assertThat(BackupStoreValidator.validate(m.store()))
        .isEqualTo(BackupStoreValidator.validate(m.store()));
  }

  @Property
  void anErrorMessageReadsBackToTheSameError(@ForAll("mutatedStores") Mutations.Mutated m) {
    for (FieldError e : BackupStoreValidator.validate(m.store())) {
      assertThat(FieldError.parse(e.path(), e.message())).isEqualTo(e);
    }
  }

  @Property(tries = 200)
  void aConditionWithoutARequiredFieldIsReportedAtThatField(
      @ForAll("validStores") BackupStore store,
      @ForAll("conditionFields") String field,
      @ForAll("statuses") BackupStoreStatus status,
      @ForAll("conditions") Condition condition) {
    List<Condition> conditions = new ArrayList<>(status.conditions());
    int at = conditions.size();
    Condition c = condition;
    conditions.add(
        new Condition(
            field.equals("type") ? null : c.type(),
            field.equals("status") ? null : c.status(),
            field.equals("reason") ? null : c.reason(),
            c.message(),
            field.equals("lastTransitionTime") ? null : c.lastTransitionTime(),
            c.observedGeneration()));
    BackupStore broken = store.withStatus(status.withConditions(conditions));

    assertThat(BackupStoreValidator.validate(broken))
        .extracting(FieldError::toString)
        .containsExactly("status.conditions[" + at + "]." + field + ": Required value");
    assertThat(BackupStoreValidator.fromViolations(BEAN_VALIDATOR.validate(broken)))
        .isEqualTo(BackupStoreValidator.validate(broken));
    assertThat(BackupStoreValidator.isValid(broken)).isFalse();
    assertThat(BackupStoreValidator.isValid(store)).isTrue();
  }

  @Provide
  Arbitrary<String> conditionFields() {
    return Arbitraries.of("type", "status", "reason", "lastTransitionTime");
  }

  @Provide
  Arbitrary<BackupStoreStatus> statuses() {
    return ModelArbitraries.status();
  }

  @Provide
  Arbitrary<Condition> conditions() {
    return ModelArbitraries.status()
        .filter(s -> !s.conditions().isEmpty())
        .map(s -> s.conditions().get(0));
  }

  @Example
  void aMessageWithAnUnclosedQuoteStillReadsBack() {
    assertThat(FieldError.parse("a", "Invalid value: \"abc"))
        .isEqualTo(FieldError.of("a", FieldError.Type.INVALID, "abc", ""));
    assertThat(FieldError.parse("a", "Invalid value: \"ab\\").badValue()).contains("ab\\");
  }

  @Property
  void anEndpointsUserInformationIsNeverShown(
      @ForAll("validStores") BackupStore store, @ForAll("secrets") String secret) {
    String endpoint = "https://admin:" + secret + "@minio.example.com:9000";
    BackupStore leaking =
        store.withSpec(
            store
                .spec()
                .withStorage(
                    BackupStorageSpec.s3Compatible(
                        S3StorageConfig.of("bucket")
                            .withEndpoint(endpoint)
                            .withForcePathStyle(true))));

    List<FieldError> errors = BackupStoreValidator.validate(leaking);

    assertThat(errors).isNotEmpty();
    assertThat(errors.toString()).doesNotContain(secret).doesNotContain("admin:");
    assertThat(BEAN_VALIDATOR.validate(leaking).toString()).doesNotContain(secret);
  }

  @Provide
  Arbitrary<String> secrets() {
    return Arbitraries.strings()
        .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789%+")
        .ofMinLength(8)
        .ofMaxLength(30);
  }
}
