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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Strict reading names every unknown field; lenient reading ignores it; nothing else is ever
 * thrown.
 */
class StrictReadingProperties {
  private static final BackupStoreCodec STRICT = BackupStoreCodec.strict();
  private static final BackupStoreCodec LENIENT = BackupStoreCodec.lenient();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The schema's object paths and the fields each declares (maps such as labels are open). */
  private static final Map<String, Set<String>> SCHEMA =
      Map.of(
          "", Set.of("apiVersion", "kind", "metadata", "spec", "status"),
          "metadata",
              Set.of(
                  "name",
                  "namespace",
                  "uid",
                  "generation",
                  "resourceVersion",
                  "creationTimestamp",
                  "deletionTimestamp",
                  "labels",
                  "annotations",
                  "finalizers"),
          "spec", Set.of("default", "storage"),
          "spec.storage",
              Set.of("provider", "s3", "gcs", "azure", "cloudProviderRef", "credentialsSecretRef"),
          "spec.storage.s3", Set.of("bucket", "region", "endpoint", "forcePathStyle"),
          "spec.storage.gcs", Set.of("bucket"),
          "spec.storage.azure", Set.of("container", "storageAccount"),
          "status",
              Set.of("phase", "veleroBslName", "conditions", "message", "observedGeneration"));

  record WithUnknown(BackupStore store, JsonNode tree, String path) {}

  @Provide
  Arbitrary<WithUnknown> storesWithOneUnknownField() {
    return ModelArbitraries.validStores()
        .flatMap(
            store -> {
              JsonNode tree = STRICT.toTree(store);
              List<String> objects = new ArrayList<>();
              for (String p : SCHEMA.keySet()) {
                if (at(tree, p).isObject()) {
                  objects.add(p);
                }
              }
              return Combinators.combine(
                      Arbitraries.of(objects),
                      Arbitraries.strings()
                          .withChars("abcdefghijklmnopqrstuvwxyzABC")
                          .ofMinLength(1)
                          .ofMaxLength(12),
                      Arbitraries.of(
                          NODES.textNode("x"),
                          NODES.numberNode(1),
                          NODES.objectNode(),
                          NODES.arrayNode(),
                          NODES.nullNode()))
                  .filter((p, key, v) -> !SCHEMA.get(p).contains(key))
                  .as(
                      (p, key, value) -> {
                        JsonNode copy = tree.deepCopy();
                        ((ObjectNode) at(copy, p)).set(key, value);
                        return new WithUnknown(store, copy, p.isEmpty() ? key : p + "." + key);
                      });
            });
  }

  private static JsonNode at(JsonNode tree, String path) {
    JsonNode node = tree;
    if (!path.isEmpty()) {
      for (String part : path.split("\\.")) {
        node = node.path(part);
      }
    }
    return node;
  }

  @Property
  void strictReadingNamesTheUnknownField(@ForAll("storesWithOneUnknownField") WithUnknown w) {
    Throwable thrown = catchThrowable(() -> STRICT.fromTree(w.tree()));

    assertThat(thrown).isInstanceOf(BackupStoreReadException.class);
    BackupStoreReadException e = (BackupStoreReadException) thrown;
    assertThat(e.kind()).isEqualTo(BackupStoreReadException.Kind.INVALID);
    assertThat(e.errors())
        .extracting(FieldError::path, FieldError::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(w.path(), FieldError.Type.UNKNOWN));
  }

  @Property
  void strictReadingOfTextLocatesTheUnknownField(
      @ForAll("storesWithOneUnknownField") WithUnknown w) {
    String yaml = w.tree().toPrettyString();
    assertThatThrownBy(() -> STRICT.read(yaml))
        .isInstanceOfSatisfying(
            BackupStoreReadException.class,
            e -> assertThat(e.errors().get(0).location()).isPresent());
  }

  @Property
  void lenientReadingIgnoresTheUnknownField(@ForAll("storesWithOneUnknownField") WithUnknown w) {
    assertThat(LENIENT.fromTree(w.tree())).isEqualTo(w.store());
  }

  @Provide
  Arbitrary<JsonNode> anyTrees() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of(
                "apiVersion",
                "kind",
                "metadata",
                "name",
                "namespace",
                "spec",
                "default",
                "storage",
                "provider",
                "s3",
                "gcs",
                "azure",
                "bucket",
                "region",
                "endpoint",
                "forcePathStyle",
                "container",
                "storageAccount",
                "status",
                "phase",
                "conditions",
                "labels",
                "finalizers",
                "generation",
                "creationTimestamp",
                "type",
                "lastTransitionTime"),
            Arbitraries.strings().ofMaxLength(5));
    Arbitrary<JsonNode> leaves =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(10).map(NODES::textNode),
            Arbitraries.of(
                    "s3",
                    "gcs",
                    "azure",
                    "s3Compatible",
                    "Ready",
                    "True",
                    "lattice.dev/v1alpha1",
                    "BackupStore",
                    "2026-01-01T00:00:00Z")
                .map(NODES::textNode),
            Arbitraries.longs().map(NODES::numberNode),
            Arbitraries.doubles().map(NODES::numberNode),
            Arbitraries.of(true, false).map(NODES::booleanNode),
            Arbitraries.just(NODES.nullNode()));
    return Arbitraries.recursive(
        () -> leaves,
        inner ->
            Arbitraries.oneOf(
                Arbitraries.maps(keys, inner)
                    .ofMaxSize(5)
                    .map(
                        m -> {
                          ObjectNode o = NODES.objectNode();
                          m.forEach(o::set);
                          return (JsonNode) o;
                        }),
                inner
                    .list()
                    .ofMaxSize(3)
                    .map(
                        l -> {
                          ArrayNode a = NODES.arrayNode();
                          l.forEach(a::add);
                          return (JsonNode) a;
                        })),
        0,
        5);
  }

  @Property
  void readingAnyTreeThrowsOnlyTheDocumentedError(@ForAll("anyTrees") JsonNode tree) {
    for (BackupStoreCodec codec : List.of(STRICT, LENIENT)) {
      Throwable thrown = catchThrowable(() -> codec.fromTree(tree));
      if (thrown != null) {
        assertThat(thrown).isInstanceOf(BackupStoreReadException.class);
      }
    }
  }

  @Property
  void readingAnyTextThrowsOnlyTheDocumentedError(
      @ForAll("anyTrees") JsonNode tree, @ForAll("noise") String noise) {
    for (String text : List.of(tree.toString(), tree.toPrettyString() + noise, noise)) {
      Throwable thrown = catchThrowable(() -> STRICT.readAll(text));
      if (thrown != null) {
        assertThat(thrown).isInstanceOf(BackupStoreReadException.class);
        assertThat(((BackupStoreReadException) thrown).errors())
            .isNotEmpty()
            // one line of printable text, whatever character the parser stopped at
            .allSatisfy(
                e ->
                    assertThat(e.message().chars())
                        .as(e.message())
                        .noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029));
      }
    }
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("{}[]:,-'\"&*!|>#\n\t ab%@").ofMaxLength(40));
  }
}
