package dev.lattice.backup.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.arbitraries.ModelArbitraries;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Laws of validation: valid stores pass, one broken rule gives exactly one error, and Bean
 * Validation agrees.
 */
class ValidationProperties {
  private static final Validator BEAN_VALIDATOR =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

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
