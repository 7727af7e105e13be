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
package dev.lattice.backup.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import dev.lattice.backup.testing.fixtures.Mutations;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of translation: total, deterministic, and every output accepted by Velero. */
class TranslationProperties {
  private static final TranslationOptions OPTIONS = TranslationOptions.defaults();

  @Provide
  Arbitrary<BackupStore> validStores() {
    return ModelArbitraries.validStores();
  }

  @Provide
  Arbitrary<BackupStore> anyStores() {
    return Arbitraries.oneOf(
        ModelArbitraries.validStores(),
        ModelArbitraries.validStores().flatMap(Mutations::of).map(Mutations.Mutated::store));
  }

  @Provide
  Arbitrary<TranslationOptions> options() {
    return Arbitraries.of(ProviderNaming.class)
        .flatMap(
            naming ->
                Arbitraries.of("velero", "lattice-system", "backup")
                    .map(
                        ns ->
                            OPTIONS.toBuilder()
                                .providerNaming(naming)
                                .veleroNamespace(ns)
                                .build()));
  }

  @Property
  void aStoreTranslatesExactlyWhenItIsValid(
      @ForAll("anyStores") BackupStore store, @ForAll("options") TranslationOptions options) {
    TranslationResult result = Translator.translate(store, options);

    if (Translator.validate(store, options).isEmpty()) {
      assertThat(result).isInstanceOf(TranslationResult.Translated.class);
    } else {
      assertThat(result)
          .isEqualTo(new TranslationResult.Rejected(Translator.validate(store, options)));
    }
  }

  @Property
  void everyTranslatedLocationIsAcceptedByVelerosSchema(
      @ForAll("validStores") BackupStore store, @ForAll("options") TranslationOptions options) {
    if (Translator.translate(store, options) instanceof TranslationResult.Translated t) {
      assertThat(VeleroSchema.problems(BslJson.toTree(t.bsl()))).isEmpty();
      assertThat(VeleroSchema.problems(BslJson.toTree(t.bsl().withDefault(true)))).isEmpty();
    }
  }

  @Property
  void configKeysAreAlwaysOnesThePluginAccepts(
      @ForAll("validStores") BackupStore store, @ForAll("options") TranslationOptions options) {
    if (Translator.translate(store, options) instanceof TranslationResult.Translated t) {
      String plugin = t.bsl().spec().provider().replace("velero.io/", "");
      assertThat(Translator.PLUGIN_CONFIG_KEYS.get(plugin))
          .containsAll(t.bsl().spec().config().keySet());
      assertThat(t.bsl().spec().config().values()).allSatisfy(v -> assertThat(v).isNotEmpty());
    }
  }

  @Property
  void translationIsDeterministic(@ForAll("anyStores") BackupStore store) {
    assertThat(Translator.translate(store, OPTIONS))
        .isEqualTo(Translator.translate(store, OPTIONS));
  }

  @Property
  void locationsRoundTripThroughJson(@ForAll("validStores") BackupStore store) {
    if (Translator.translate(store, OPTIONS) instanceof TranslationResult.Translated t) {
      BackupStorageLocation bsl = t.bsl();
      assertThat(BslJson.fromTree(BslJson.toTree(bsl))).isEqualTo(bsl);
      assertThat(BslJson.toGeneric(bsl).getMetadata().getName()).isEqualTo(bsl.name());
    }
  }

  @Property
  void thePrunedFieldCheckCanFail(@ForAll("validStores") BackupStore store) {
    if (Translator.translate(store, OPTIONS) instanceof TranslationResult.Translated t) {
      ObjectNode tree = (ObjectNode) BslJson.toTree(t.bsl());
      ((ObjectNode) tree.path("spec")).put("region", "us-east-1");
      assertThat(VeleroSchema.problems(tree)).isNotEmpty();
    }
  }

  @Property(tries = 200)
  void thePlanIsIndependentOfInputOrder(
      @ForAll("storeLists") List<BackupStore> stores, @ForAll long seed) {
    List<BackupStore> shuffled = new ArrayList<>(stores);
    Collections.shuffle(shuffled, new Random(seed));

    assertThat(Translator.translateAll(shuffled, List.of(), OPTIONS))
        .isEqualTo(Translator.translateAll(stores, List.of(), OPTIONS));
  }

  @Property(tries = 200)
  void thePlanHasAtMostOneDefaultLocation(@ForAll("storeLists") List<BackupStore> stores) {
    TranslationPlan plan = Translator.translateAll(stores, List.of(), OPTIONS);

    List<BackupStorageLocation> defaults =
        plan.locations().stream().filter(l -> l.spec().isDefault()).toList();
    assertThat(defaults).hasSizeLessThanOrEqualTo(1);
    assertThat(defaults.size()).isEqualTo(plan.selection().winner().isPresent() ? 1 : 0);
  }

  @Provide
  Arbitrary<List<BackupStore>> storeLists() {
    return anyStores().list().ofMaxSize(12);
  }
}
