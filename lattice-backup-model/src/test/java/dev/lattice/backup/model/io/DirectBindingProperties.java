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
package dev.lattice.backup.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.io.internal.BoundDocument;
import dev.lattice.backup.model.io.internal.SourceDocument;
import dev.lattice.backup.model.validation.BackupStoreValidator;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import dev.lattice.backup.testing.fixtures.Mutations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The direct binder ({@link BackupStoreCodec#tryReadAll}) agrees with the general path ({@link
 * BackupStoreCodec#parse} then {@link BackupStoreCodec#decode}): whenever it answers, the general
 * path reads the same stores, at the same positions and locations, without a single error, in
 * strict and lenient mode alike; and it does answer for plain stores. On anything else it gives
 * way, and the general path's errors stand.
 */
class DirectBindingProperties {
  private static final BackupStoreCodec STRICT = BackupStoreCodec.strict();
  private static final BackupStoreCodec LENIENT = BackupStoreCodec.lenient();
  private static final Optional<String> SOURCE = Optional.of("stores.yaml");

  /** What the general path reads: each document's store, or its errors. */
  record Read(List<Object> outcomes, List<Integer> indexes, List<String> locations) {}

  private static Read general(BackupStoreCodec codec, String text) {
    List<Object> outcomes = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    List<String> locations = new ArrayList<>();
    try {
      for (SourceDocument doc : codec.engine().parse(text, SOURCE, false)) {
        indexes.add(doc.index());
        locations.add(doc.location().toString());
        try {
          outcomes.add(codec.engine().decode(doc));
        } catch (BackupStoreReadException e) {
          outcomes.add(e.errors());
        }
      }
    } catch (BackupStoreReadException e) {
      outcomes.add(e.errors());
    }
    return new Read(outcomes, indexes, locations);
  }

  private static Read direct(List<BoundDocument> docs) {
    return new Read(
        docs.stream().map(d -> (Object) d.store()).toList(),
        docs.stream().map(BoundDocument::index).toList(),
        docs.stream().map(d -> d.location().toString()).toList());
  }

  /** Whenever the direct binder answers, both general readers read exactly that. */
  private static void agrees(String text) {
    Optional<List<BoundDocument>> bound = STRICT.engine().tryReadAll(text, SOURCE);
    assertThat(LENIENT.engine().tryReadAll(text, SOURCE)).isEqualTo(bound);
    bound.ifPresent(
        docs -> {
          assertThat(general(STRICT, text)).isEqualTo(direct(docs));
          assertThat(general(LENIENT, text)).isEqualTo(direct(docs));
        });
  }

  /** A store the direct binder binds: no status, no timestamps (the general path's business). */
  static BackupStore plain(BackupStore store) {
    ObjectMetadata meta = store.metadata();
    ObjectMetadata plainMeta =
        meta == null
            ? null
            : meta.toBuilder().creationTimestamp(null).deletionTimestamp(null).build();
    return store.withMetadata(plainMeta).withStatus(null);
  }

  @Provide
  Arbitrary<List<BackupStore>> storeLists() {
    return ModelArbitraries.validStores().list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 300)
  void plainStoresAreBoundDirectlyAndAsTheGeneralPathBindsThem(
      @ForAll("storeLists") List<BackupStore> stores) {
    List<BackupStore> plain = stores.stream().map(DirectBindingProperties::plain).toList();
    String yaml = STRICT.writeYaml(plain);

    Optional<List<BoundDocument>> bound = STRICT.engine().tryReadAll(yaml, SOURCE);

    assertThat(bound).isPresent();
    assertThat(bound.get()).extracting(BoundDocument::store).isEqualTo(plain);
    agrees(yaml);
    String json = STRICT.writeJson(plain.get(0));
    assertThat(STRICT.engine().tryReadAll(json, SOURCE).orElseThrow())
        .extracting(BoundDocument::store)
        .containsExactly(plain.get(0));
    agrees(json);
  }

  @Property(tries = 300)
  void storesWithStatusOrTimestampsAgreeWhateverPathTheyTake(
      @ForAll("storeLists") List<BackupStore> stores) {
    agrees(STRICT.writeYaml(stores));
    agrees(STRICT.writeJson(stores.get(0)));
  }

  @Provide
  Arbitrary<BackupStore> mutatedStores() {
    return ModelArbitraries.validStores()
        .map(DirectBindingProperties::plain)
        .flatMap(Mutations::of)
        .map(Mutations.Mutated::store)
        // Other kinds are the loader's business; another apiVersion or no spec, strict reading's.
        .filter(s -> BackupStore.KIND.equals(s.kind()))
        .filter(s -> BackupStore.API_VERSION.equals(s.apiVersion()) && s.spec() != null);
  }

  /** Stores that break a validation rule still bind: the direct binder reads them all the same. */
  @Property(tries = 300)
  void storesThatBreakARuleAreBoundAsTheGeneralPathBindsThem(
      @ForAll("mutatedStores") BackupStore store) {
    String yaml = STRICT.writeYaml(store);

    assertThat(STRICT.engine().tryReadAll(yaml, SOURCE)).isPresent();
    agrees(yaml);
  }

  /** Edits of a store's text that the binder must refuse, or read exactly as the general path. */
  @Provide
  Arbitrary<String> editedTexts() {
    Arbitrary<String> base =
        ModelArbitraries.validStores().map(DirectBindingProperties::plain).map(STRICT::writeYaml);
    Arbitrary<String> replacement =
        Arbitraries.of(
            "null",
            "~",
            "42",
            "-7",
            "1.5",
            "true",
            "\"true\"",
            "[]",
            "[a]",
            "{}",
            "{a: b}",
            "*anchor",
            "&anchor x",
            "!!str 12",
            "!!int \"12\"",
            "\"\"",
            "0x1F",
            "yes",
            "2026-01-01T00:00:00Z",
            "S3",
            "gcs",
            "s3Compatible",
            "'a: b'",
            "|\n  block",
            "[unclosed");
    Arbitrary<String> key =
        Arbitraries.of(
            "unknown",
            "status",
            "name",
            "namespace",
            "provider",
            "bucket",
            "default",
            "kind",
            "apiVersion",
            "storage",
            "creationTimestamp",
            "generation",
            "finalizers",
            "labels",
            "<<",
            "isDefault",
            "s3",
            "forcePathStyle");
    return Combinators.combine(
            base, Arbitraries.integers().between(0, 5), Arbitraries.integers(), replacement, key)
        .as(DirectBindingProperties::edit);
  }

  /** Applies one edit at a line chosen by {@code at}. */
  static String edit(String text, int how, int at, String replacement, String key) {
    String[] lines = text.split("\n", -1);
    int i = Math.floorMod(at, lines.length - 1) + 1; // never the leading ---
    String line = lines[i];
    int colon = line.indexOf(':');
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    switch (how) {
      case 0 -> { // another value
        if (colon > 0) {
          lines[i] = line.substring(0, colon + 1) + " " + replacement;
        }
      }
      case 1 -> lines[i] = line + "\n" + indent + key + ": " + replacement; // an added field
      case 2 -> lines[i] = line + "\n" + line; // a duplicated line
      case 3 -> lines[i] = ""; // a removed line
      case 4 -> lines[i] = line + "\n---\n" + replacement; // a document after the line
      default -> { // another key
        if (colon > 0) {
          lines[i] = indent + key + line.substring(colon);
        }
      }
    }
    return String.join("\n", lines);
  }

  @Property(tries = 1000)
  void editedTextsAreReadAsTheGeneralPathReadsThem(@ForAll("editedTexts") String text) {
    Statistics.label("bound directly")
        .collect(STRICT.engine().tryReadAll(text, SOURCE).isPresent());
    agrees(text);
  }

  /**
   * {@link BackupStoreCodec#readDocuments}, which takes the direct binder when it can, gives each
   * document the store or the errors the general path with locations gives: reading errors as
   * decoding reports them, validation errors located in the text.
   */
  @Property(tries = 500)
  void readDocumentsGivesTheGeneralPathsStoresAndLocatedErrors(@ForAll("editedTexts") String text) {
    List<Object> expected = new ArrayList<>();
    List<Object> actual = new ArrayList<>();
    try {
      for (SourceDocument doc : STRICT.engine().parse(text, SOURCE, true)) {
        try {
          BackupStore store = STRICT.engine().decode(doc);
          expected.add(List.of(store, doc.locate(BackupStoreValidator.validate(store))));
        } catch (BackupStoreReadException e) {
          if (e.kind() == BackupStoreReadException.Kind.MALFORMED) {
            throw e; // a document that is not a mapping spoils the whole text
          }
          expected.add(e.errors());
        }
      }
    } catch (BackupStoreReadException e) {
      expected.clear();
      expected.add(e.errors());
    }
    try {
      for (ReadDocument doc : STRICT.readDocuments(text, SOURCE)) {
        actual.add(
            doc.store().isPresent() ? List.of(doc.store().get(), doc.errors()) : doc.readErrors());
        assertThat(doc.errors()).allMatch(e -> e.location().isPresent());
      }
    } catch (BackupStoreReadException e) {
      actual.add(e.errors());
    }
    Statistics.label("bound directly")
        .collect(STRICT.engine().tryReadAll(text, SOURCE).isPresent());
    assertThat(actual).isEqualTo(expected);
  }

  /** The binder never binds what a read limit refuses. */
  @Property(tries = 200)
  void readLimitsAreKept(
      @ForAll("storeLists") List<BackupStore> stores, @ForAll("smallLimits") ReadLimits limits) {
    String yaml = STRICT.writeYaml(stores.stream().map(DirectBindingProperties::plain).toList());
    BackupStoreCodec limited = STRICT.withLimits(limits);
    Optional<List<BoundDocument>> bound = limited.engine().tryReadAll(yaml, SOURCE);
    Read general = general(limited, yaml);

    if (bound.isPresent()) {
      assertThat(general).isEqualTo(direct(bound.get()));
    } else {
      assertThat(general.outcomes()).anySatisfy(o -> assertThat(o).isInstanceOf(List.class));
    }
  }

  @Provide
  Arbitrary<ReadLimits> smallLimits() {
    return Combinators.combine(
            Arbitraries.integers().between(50, 4000),
            Arbitraries.integers().between(1, 5),
            Arbitraries.integers().between(1, 80))
        .as(ReadLimits::new);
  }

  private static final String ANCHORED =
      """
      apiVersion: lattice.dev/v1alpha1
      kind: BackupStore
      metadata:
        name: &n team-a
        namespace: NS
      spec:
        storage:
          provider: gcs
          gcs:
            bucket: some-bucket
      """;

  @Example
  void anAnchorIsBoundButAnAliasIsLeftToTheGeneralPath() {
    String anchored = ANCHORED.replace("NS", "team-a");
    String aliased = ANCHORED.replace("NS", "*n");

    assertThat(STRICT.engine().tryReadAll(anchored, SOURCE)).isPresent();
    agrees(anchored);
    assertThat(STRICT.engine().tryReadAll(aliased, SOURCE)).isEmpty();
    assertThat(general(STRICT, aliased).outcomes().get(0))
        .asString()
        .contains("YAML aliases are not supported");
  }

  @Example
  void otherKindsAndListsAreLeftToTheGeneralPath() {
    String gcs = ANCHORED.replace("NS", "team-a");

    assertThat(STRICT.engine().tryReadAll(gcs.replace("kind: BackupStore", "kind: Secret"), SOURCE))
        .isEmpty();
    assertThat(STRICT.engine().tryReadAll(gcs.replace("kind: BackupStore\n", ""), SOURCE))
        .isEmpty();
    assertThat(STRICT.engine().tryReadAll("apiVersion: v1\nkind: List\nitems: []\n", SOURCE))
        .isEmpty();
    assertThat(STRICT.engine().tryReadAll("- a\n", SOURCE)).isEmpty();
    assertThat(STRICT.engine().tryReadAll("", SOURCE)).hasValue(List.of());
    // an empty document reads as an empty string (a document the loader refuses) ...
    assertThat(STRICT.engine().tryReadAll("---\n---\n" + gcs, SOURCE)).isEmpty();
    // ... a null one is skipped, though it counts
    assertThat(STRICT.engine().tryReadAll("--- null\n---\n" + gcs, SOURCE).orElseThrow())
        .extracting(BoundDocument::index)
        .containsExactly(1);
    agrees("--- null\n---\n" + gcs);
  }
}
