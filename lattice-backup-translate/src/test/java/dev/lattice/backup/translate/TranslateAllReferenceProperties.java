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

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import dev.lattice.backup.testing.fixtures.Mutations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Translator#translateAll} agrees with a plain reference: one entry per distinct key; a key
 * held by two or more stores is rejected as a duplicate; any other store's entry is exactly {@link
 * Translator#translate}; and only the selected winner's location has {@code default: true}. The
 * engine sorts once and builds its map in one pass, the reference counts with a hash map and sorts
 * with a tree, so a slip in either the grouping or the order shows up here.
 */
class TranslateAllReferenceProperties {
  private static final TranslationOptions OPTIONS = TranslationOptions.defaults();

  @Property(tries = 300)
  void translateAllAgreesWithTheReference(
      @ForAll("storesWithDuplicates") List<BackupStore> stores) {
    TranslationPlan plan = Translator.translateAll(stores, List.of(), OPTIONS);

    assertThat(plan.results()).isEqualTo(reference(stores, plan.selection().winner()));
    assertThat(plan.selection()).isEqualTo(Translator.selectDefault(stores, List.of(), OPTIONS));
  }

  @Property(tries = 100)
  void lookupsInThePlanAgreeWithItsIteration(
      @ForAll("storesWithDuplicates") List<BackupStore> stores) {
    TranslationPlan plan = Translator.translateAll(stores, List.of(), OPTIONS);

    for (BackupStore store : stores) {
      StoreKey key = StoreKey.of(store);
      assertThat(plan.results()).containsKey(key);
      assertThat(plan.results().headMap(key)).doesNotContainKey(key);
      assertThat(plan.results().tailMap(key).firstKey()).isEqualTo(key);
    }
  }

  private static Map<StoreKey, TranslationResult> reference(
      List<BackupStore> stores, Optional<StoreKey> winner) {
    Map<StoreKey, Integer> counts = new HashMap<>();
    for (BackupStore store : stores) {
      counts.merge(StoreKey.of(store), 1, Integer::sum);
    }
    TreeMap<StoreKey, TranslationResult> out = new TreeMap<>();
    for (BackupStore store : stores) {
      StoreKey key = StoreKey.of(store);
      TranslationResult result;
      if (counts.get(key) > 1) {
        result =
            new TranslationResult.Rejected(
                List.of(
                    FieldError.of(
                        "metadata.name",
                        FieldError.Type.DUPLICATE,
                        key.toString(),
                        "another BackupStore has the same namespace and name")));
      } else {
        result = Translator.translate(store, OPTIONS);
        if (winner.equals(Optional.of(key)) && result instanceof TranslationResult.Translated t) {
          result = new TranslationResult.Translated(t.bsl().withDefault(true), t.mirror());
        }
      }
      out.put(key, result);
    }
    return out;
  }

  /** Stores, some valid, some not, and some sharing a key with another (with another spec). */
  @Provide
  Arbitrary<List<BackupStore>> storesWithDuplicates() {
    Arbitrary<BackupStore> any =
        Arbitraries.oneOf(
            ModelArbitraries.validStores(),
            ModelArbitraries.validStores().flatMap(Mutations::of).map(Mutations.Mutated::store));
    return Combinators.combine(
            any.list().ofMaxSize(10),
            Arbitraries.integers().between(0, 9).list().ofMaxSize(4),
            any.list().ofSize(4))
        .as(
            (base, picks, others) -> {
              List<BackupStore> out = new ArrayList<>(base);
              for (int i = 0; i < picks.size() && !base.isEmpty(); i++) {
                BackupStore twin = base.get(picks.get(i) % base.size());
                out.add(others.get(i).withMetadata(twin.metadata()));
              }
              return out;
            });
  }
}
