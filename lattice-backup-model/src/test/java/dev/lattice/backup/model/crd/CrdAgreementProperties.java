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
package dev.lattice.backup.model.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.model.validation.BackupStoreValidator;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.internal.FieldRule;
import dev.lattice.backup.testing.arbitraries.EndpointArbitraries;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import dev.lattice.backup.testing.fixtures.ModelShape;
import dev.lattice.backup.testing.fixtures.ModelShape.ModelField;
import dev.lattice.backup.testing.fixtures.Mutations;
import dev.lattice.backup.testing.fixtures.RuleCandidates;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The model and the CRD agree on generated stores: what the model accepts the schema and every CEL
 * rule accept; a store broken in one cross-field way fails exactly the CEL rule for it, with the
 * model's error; every other single-rule break is refused at the field the model names, except
 * where the API server itself (not the CRD) enforces the rule; and the schema's patterns and
 * field-level rules accept exactly the strings the model's format rules accept.
 */
class CrdAgreementProperties {
  private static final BackupStoreCodec CODEC = BackupStoreCodec.strict();

  /** The cross-field rows of the validation table, as {@link Mutations} names them. */
  static final Set<String> CROSS_FIELD =
      Set.of(
          "foreign s3 block",
          "foreign gcs block",
          "foreign azure block",
          "own block missing",
          "region required for s3",
          "endpoint required for s3Compatible",
          "forcePathStyle required for s3Compatible",
          "both credential sources");

  /**
   * Rules the API server enforces for every resource, outside the CRD: it serves only {@code
   * lattice.dev/v1alpha1} {@code BackupStore}s here, and validates metadata itself.
   */
  static final Set<String> API_SERVER_OWNS =
      Set.of("apiVersion", "kind", "name format", "name required", "namespace format");

  @Provide
  Arbitrary<BackupStore> stores() {
    return ModelArbitraries.validStores();
  }

  @Property
  void everyValidStorePassesTheSchemaAndEveryCelRule(@ForAll("stores") BackupStore store) {
    assertThat(BackupStoreValidator.validate(store)).isEmpty();

    CrdValidator.Verdict verdict = CrdValidator.validate(CODEC.toTree(store));

    assertThat(verdict.schemaErrors()).as(CODEC.writeJson(store)).isEmpty();
    assertThat(verdict.celSkipped()).isFalse();
    assertThat(verdict.celErrors()).as(CODEC.writeJson(store)).isEmpty();
    Statistics.label("provider").collect(store.spec().storage().provider());
    Statistics.label("status").collect(store.status().isPresent());
  }

  @Provide
  Arbitrary<Mutations.Mutated> crossFieldBreaks() {
    return ModelArbitraries.validStores()
        .flatMap(Mutations::of)
        .filter(m -> CROSS_FIELD.contains(m.rule()));
  }

  @Property
  void aStoreBrokenByOneCrossFieldRuleFailsExactlyThatCelRuleWithTheModelsError(
      @ForAll("crossFieldBreaks") Mutations.Mutated broken) {
    List<String> model =
        BackupStoreValidator.validate(broken.store()).stream().map(FieldError::toString).toList();
    CrdValidator.Verdict crd = CrdValidator.validate(CODEC.toTree(broken.store()));

    assertThat(model).hasSize(1);
    assertThat(crd.schemaErrors()).as(broken.toString()).isEmpty();
    assertThat(crd.failures()).as(broken.toString()).hasSize(1);
    assertThat(crd.failures().get(0).rule().schemaPath()).isEqualTo("spec.storage");
    assertThat(crd.celErrors()).isEqualTo(model);
    assertThat(crd.paths()).containsExactly(broken.expectedPath());
    Statistics.label("rule").collect(broken.rule());
  }

  @Provide
  Arbitrary<Mutations.Mutated> otherBreaks() {
    return ModelArbitraries.validStores()
        .flatMap(Mutations::of)
        .filter(m -> !CROSS_FIELD.contains(m.rule()));
  }

  @Property
  void everyOtherSingleRuleBreakIsRefusedAtTheFieldTheModelNames(
      @ForAll("otherBreaks") Mutations.Mutated broken) {
    CrdValidator.Verdict crd = CrdValidator.validate(CODEC.toTree(broken.store()));

    if (API_SERVER_OWNS.contains(broken.rule())) {
      assertThat(crd.accepted()).as(broken + ": the CRD does not describe it").isTrue();
      Statistics.label("verdict").collect("left to the API server");
    } else {
      assertThat(crd.accepted()).as(broken.toString()).isFalse();
      assertThat(Set.copyOf(crd.paths()))
          .as(broken + " " + crd)
          .containsExactly(broken.expectedPath());
      Statistics.label("verdict").collect("refused");
    }
  }

  /** A string field with a model format rule, and a value to try on it. */
  record Try(ModelField field, FieldRule rule, String value) {
    @Override
    public String toString() {
      return field.path() + " = \"" + value + "\"";
    }
  }

  @Provide
  Arbitrary<Try> fieldValues() {
    List<ModelField> fields =
        ModelShape.fields().values().stream()
            .filter(f -> f.rule().isPresent())
            .filter(f -> !f.path().equals("apiVersion") && !f.path().equals("kind"))
            .toList();
    return Arbitraries.of(fields)
        .flatMap(
            f -> {
              FieldRule rule = f.rule().orElseThrow();
              return RuleCandidates.candidates(rule).map(v -> new Try(f, rule, v));
            });
  }

  @Property(tries = 10000)
  void theSchemaAndFieldRulesAcceptExactlyWhatTheModelsFormatRulesAccept(
      @ForAll("fieldValues") Try t) {
    boolean model = t.rule().accepts(t.value());
    CrdValidator.Verdict crd = CrdValidator.validateValue(t.field().path(), t.value());

    assertThat(crd.accepted()).as(t + " " + crd).isEqualTo(model);
    Statistics.label("model accepts").collect(model);
  }

  @Provide
  Arbitrary<String> forbiddenEndpoints() {
    return EndpointArbitraries.url(EndpointArbitraries.forbiddenHost());
  }

  @Property(tries = 3000)
  void theModelAndTheCrdRefuseEveryForbiddenHostInEveryNotation(
      @ForAll("forbiddenEndpoints") String endpoint) {
    String detail = FieldRule.S3_ENDPOINT.check(endpoint).orElseThrow().detail();
    CrdValidator.Verdict crd = CrdValidator.validateValue("spec.storage.s3.endpoint", endpoint);

    assertThat(crd.accepted()).as(endpoint).isFalse();
    Statistics.label("model")
        .collect(detail.replaceAll("host \\S+ ", "host H ").replaceAll(";.*", ""));
  }

  @Provide
  Arbitrary<String> ordinaryEndpoints() {
    return EndpointArbitraries.url(EndpointArbitraries.ordinaryHost());
  }

  @Property(tries = 1000)
  void theModelAndTheCrdAcceptOrdinaryHostsInEverySpelling(
      @ForAll("ordinaryEndpoints") String endpoint) {
    assertThat(FieldRule.S3_ENDPOINT.check(endpoint)).as(endpoint).isEmpty();
    assertThat(CrdValidator.validateValue("spec.storage.s3.endpoint", endpoint).accepted())
        .as(endpoint)
        .isTrue();
  }
}
