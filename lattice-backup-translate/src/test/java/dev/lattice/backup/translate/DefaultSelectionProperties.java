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

import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.translate.defaults.DefaultReason;
import dev.lattice.backup.translate.defaults.DefaultSelection;
import dev.lattice.backup.translate.defaults.ForeignBsl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of default selection and of storeRef resolution. */
class DefaultSelectionProperties {
  private static final String PLATFORM = "lattice-system";
  private static final TranslationOptions OPTIONS = TranslationOptions.defaults();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Provide
  Arbitrary<BackupStore> stores() {
    Arbitrary<Optional<Instant>> created =
        Arbitraries.integers().between(0, 4).map(i -> T0.plusSeconds(60L * i)).optional(0.8);
    return Combinators.combine(
            Arbitraries.of(PLATFORM, PLATFORM, "team-a", "team-b"),
            Arbitraries.of("a", "b", "c", "d", "e", "f", "g"),
            created,
            Arbitraries.of(true, true, false),
            Arbitraries.integers().between(0, 9),
            Arbitraries.of(BackupStorePhase.class).optional(0.8))
        .as(
            (ns, name, at, dflt, variant, phase) -> {
              BackupStorageSpec storage =
                  variant == 0
                      ? BackupStorageSpec.gcs(GcsStorageConfig.of("googlebucket")) // invalid
                      : BackupStorageSpec.gcs(GcsStorageConfig.of("bucket-" + name));
              ObjectMetadata meta =
                  ObjectMetadata.builder()
                      .namespace(ns)
                      .name(name)
                      .creationTimestamp(at.orElse(null))
                      .deletionTimestamp(variant == 1 ? T0 : null)
                      .build();
              return BackupStore.of(meta, new BackupStoreSpec(dflt, storage))
                  .withStatus(phase.map(BackupStoreStatus::of).orElse(null));
            });
  }

  @Provide
  Arbitrary<List<BackupStore>> storeSets() {
    return stores().list().ofMaxSize(10).uniqueElements(StoreKey::of);
  }

  @Provide
  Arbitrary<List<ForeignBsl>> foreign() {
    return Combinators.combine(
            Arbitraries.of("default", "aws", "legacy"), Arbitraries.of(true, false))
        .as(ForeignBsl::new)
        .list()
        .ofMaxSize(2)
        .uniqueElements(ForeignBsl::name);
  }

  private static boolean isCandidate(BackupStore s) {
    return s.spec().isDefault()
        && StoreKey.of(s).namespace().equals(PLATFORM)
        && !s.metadata().isBeingDeleted()
        && Translator.validate(s, OPTIONS).isEmpty();
  }

  private static final Comparator<BackupStore> AGE =
      Comparator.comparing((BackupStore s) -> s.metadata().creationTimestamp().orElse(Instant.MAX))
          .thenComparing(StoreKey::of);

  @Property
  void theWinnerIsTheOldestCandidate(@ForAll("storeSets") List<BackupStore> stores) {
    DefaultSelection selection = Translator.selectDefault(stores, List.of(), OPTIONS);

    Optional<StoreKey> expected =
        stores.stream().filter(DefaultSelectionProperties::isCandidate).min(AGE).map(StoreKey::of);
    assertThat(selection.winner()).isEqualTo(expected);
    selection.winner().ifPresent(w -> assertThat(w.namespace()).isEqualTo(PLATFORM));
  }

  @Property
  void everyOtherAskerGetsAReason(@ForAll("storeSets") List<BackupStore> stores) {
    DefaultSelection selection = Translator.selectDefault(stores, List.of(), OPTIONS);

    for (BackupStore s : stores) {
      StoreKey key = StoreKey.of(s);
      boolean asked = s.spec().isDefault();
      assertThat(selection.whyNot(key).isPresent()).isEqualTo(asked && !selection.isDefault(key));
      if (asked
          && !key.namespace().equals(PLATFORM)
          && Translator.validate(s, OPTIONS).isEmpty()
          && !s.metadata().isBeingDeleted()) {
        assertThat(selection.whyNot(key).orElseThrow().reason())
            .isEqualTo(DefaultReason.NOT_ALLOWED_IN_NAMESPACE);
      }
    }
  }

  @Property
  void orderDoesNotMatter(
      @ForAll("storeSets") List<BackupStore> stores,
      @ForAll("foreign") List<ForeignBsl> foreign,
      @ForAll long seed) {
    List<BackupStore> shuffled = new ArrayList<>(stores);
    Collections.shuffle(shuffled, new Random(seed));
    List<ForeignBsl> shuffledForeign = new ArrayList<>(foreign);
    Collections.shuffle(shuffledForeign, new Random(seed));

    for (ForeignDefaultPolicy policy : ForeignDefaultPolicy.values()) {
      TranslationOptions options = OPTIONS.toBuilder().foreignDefaultPolicy(policy).build();
      assertThat(Translator.selectDefault(shuffled, shuffledForeign, options))
          .isEqualTo(Translator.selectDefault(stores, foreign, options));
    }
  }

  @Property
  void addingANonDefaultOrNewerDefaultNeverChangesTheWinner(
      @ForAll("storeSets") List<BackupStore> stores, @ForAll("stores") BackupStore extra) {
    DefaultSelection before = Translator.selectDefault(stores, List.of(), OPTIONS);
    boolean keyTaken = stores.stream().anyMatch(s -> StoreKey.of(s).equals(StoreKey.of(extra)));
    BackupStore added = extra;
    if (before.winner().isPresent() && extra.spec().isDefault()) {
      BackupStore winner =
          stores.stream()
              .filter(s -> StoreKey.of(s).equals(before.winner().get()))
              .findFirst()
              .orElseThrow();
      Optional<Instant> winnerAge = winner.metadata().creationTimestamp();
      // "Newer" needs an age to compare with: a winner without creationTimestamp (never the case
      // on a real API server) sorts last, so the extra store then takes part as a non-default.
      added =
          winnerAge.isPresent()
              ? extra.withMetadata(
                  extra.metadata().toBuilder()
                      .creationTimestamp(winnerAge.get().plusSeconds(3600))
                      .build())
              : extra.withSpec(extra.spec().withDefault(false));
    }
    if (keyTaken) {
      return;
    }
    List<BackupStore> more = new ArrayList<>(stores);
    more.add(added);

    DefaultSelection after = Translator.selectDefault(more, List.of(), OPTIONS);
    if (before.winner().isPresent()) {
      assertThat(after.winner()).isEqualTo(before.winner());
    }
  }

  @Property
  void removingTheWinnerPromotesTheNext(@ForAll("storeSets") List<BackupStore> stores) {
    DefaultSelection before = Translator.selectDefault(stores, List.of(), OPTIONS);
    if (before.winner().isEmpty()) {
      return;
    }
    List<BackupStore> rest =
        stores.stream().filter(s -> !StoreKey.of(s).equals(before.winner().get())).toList();

    Optional<StoreKey> next =
        rest.stream().filter(DefaultSelectionProperties::isCandidate).min(AGE).map(StoreKey::of);
    assertThat(Translator.selectDefault(rest, List.of(), OPTIONS).winner()).isEqualTo(next);
  }

  @Property
  void aForeignDefaultIsRespectedOrTakenOver(
      @ForAll("storeSets") List<BackupStore> stores, @ForAll("foreign") List<ForeignBsl> foreign) {
    boolean foreignDefault = foreign.stream().anyMatch(ForeignBsl::isDefault);
    DefaultSelection respect = Translator.selectDefault(stores, foreign, OPTIONS);
    DefaultSelection takeOver =
        Translator.selectDefault(
            stores,
            foreign,
            OPTIONS.toBuilder().foreignDefaultPolicy(ForeignDefaultPolicy.TAKE_OVER).build());
    DefaultSelection alone = Translator.selectDefault(stores, List.of(), OPTIONS);

    assertThat(takeOver.winner()).isEqualTo(alone.winner());
    if (foreignDefault) {
      assertThat(respect.winner()).isEmpty();
      if (alone.winner().isPresent()) {
        assertThat(respect.whyNot(alone.winner().get()).orElseThrow().reason())
            .isEqualTo(DefaultReason.FOREIGN_DEFAULT);
        assertThat(takeOver.foreignDefaultsToUnset()).isNotEmpty();
      }
    } else {
      assertThat(respect).isEqualTo(alone);
    }
  }

  @Property
  void anExplicitRefBeatsTheDefaultAndTenantsStayIsolated(
      @ForAll("storeSets") List<BackupStore> stores,
      @ForAll("names") String ref,
      @ForAll("namespaces") String requester) {
    DefaultSelection selection = Translator.selectDefault(stores, List.of(), OPTIONS);

    Resolution r = Translator.resolve(Optional.of(ref), requester, stores, selection, OPTIONS);

    Optional<BackupStore> own = find(stores, requester, ref);
    Optional<BackupStore> platform = find(stores, PLATFORM, ref);
    Optional<BackupStore> expected = own.isPresent() ? own : platform;
    if (r instanceof Resolution.Resolved res) {
      assertThat(Optional.of(res.store())).isEqualTo(expected);
      assertThat(res.store().status().orElseThrow().phase()).isEqualTo(BackupStorePhase.READY);
      assertThat(res.bslName())
          .isEqualTo(Translator.bslName(StoreKey.of(res.store()).namespace(), ref, OPTIONS));
    } else if (r instanceof Resolution.NotReady nr) {
      assertThat(Optional.of(nr.store())).isEqualTo(expected);
      assertThat(nr.phase()).isNotEqualTo(BackupStorePhase.READY);
    } else if (r instanceof Resolution.NotFound nf) {
      assertThat(expected).isEmpty();
      assertThat(nf.searchedNamespaces())
          .contains(requester)
          .allMatch(ns -> ns.equals(requester) || ns.equals(PLATFORM));
    } else {
      throw new AssertionError("an explicit ref never asks for the default: " + r);
    }
  }

  @Property
  void noRefLeadsToTheWinner(
      @ForAll("storeSets") List<BackupStore> stores, @ForAll("namespaces") String requester) {
    DefaultSelection selection = Translator.selectDefault(stores, List.of(), OPTIONS);

    Resolution r = Translator.resolve(Optional.empty(), requester, stores, selection, OPTIONS);

    if (selection.winner().isEmpty()) {
      assertThat(r).isInstanceOf(Resolution.NoDefault.class);
      assertThat(((Resolution.NoDefault) r).reasons()).isNotEmpty();
    } else if (r instanceof Resolution.Resolved res) {
      assertThat(StoreKey.of(res.store())).isEqualTo(selection.winner().get());
    } else {
      assertThat(r).isInstanceOf(Resolution.NotReady.class);
      assertThat(StoreKey.of(((Resolution.NotReady) r).store()))
          .isEqualTo(selection.winner().get());
    }
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of("a", "b", "c", "d", "e", "f", "g", "missing");
  }

  @Provide
  Arbitrary<String> namespaces() {
    return Arbitraries.of(PLATFORM, "team-a", "team-b", "team-c");
  }

  private static Optional<BackupStore> find(List<BackupStore> stores, String ns, String name) {
    return stores.stream().filter(s -> StoreKey.of(s).equals(new StoreKey(ns, name))).findFirst();
  }
}
