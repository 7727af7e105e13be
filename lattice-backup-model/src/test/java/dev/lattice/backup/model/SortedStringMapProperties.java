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
package dev.lattice.backup.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Labels and annotations are held in {@link SortedStringMap}: whatever map they are copied from,
 * the copy equals it, iterates in key order, answers look-ups as a {@link TreeMap} would, and
 * cannot be changed.
 */
class SortedStringMapProperties {

  @Property(tries = 300)
  void aCopyEqualsTheSourceAndIteratesInKeyOrder(
      @ForAll("maps") Map<String, String> source,
      @ForAll("kinds") String kind,
      @ForAll long seed,
      @ForAll @StringLength(max = 4) String probe) {
    TreeMap<String, String> reference = new TreeMap<>(source);
    Map<String, String> copy = SortedStringMap.copyOf(asKind(source, kind, seed));

    assertThat(copy).isEqualTo(reference);
    assertThat(reference).isEqualTo(copy);
    assertThat(copy.hashCode()).isEqualTo(reference.hashCode());
    assertThat(copy.size()).isEqualTo(reference.size());
    assertThat(copy.isEmpty()).isEqualTo(reference.isEmpty());
    assertThat(new ArrayList<>(copy.entrySet())).isEqualTo(new ArrayList<>(reference.entrySet()));
    assertThat(copy.entrySet().size()).isEqualTo(reference.size());
    List<String> visited = new ArrayList<>();
    copy.forEach((k, v) -> visited.add(k + "=" + v));
    List<String> expected = new ArrayList<>();
    reference.forEach((k, v) -> expected.add(k + "=" + v));
    assertThat(visited).isEqualTo(expected);
    assertThat(copy.get(probe)).isEqualTo(reference.get(probe));
    assertThat(copy.containsKey(probe)).isEqualTo(reference.containsKey(probe));
    assertThat(copy.get(7)).isNull();
    assertThat(SortedStringMap.copyOf(copy)).isSameAs(copy);
  }

  @Property(tries = 100)
  void metadataBuiltFromAnyMapKeepsTheSameLabels(
      @ForAll("maps") Map<String, String> labels, @ForAll("kinds") String kind, @ForAll long seed) {
    ObjectMetadata meta =
        ObjectMetadata.builder().name("n").labels(asKind(labels, kind, seed)).build();
    assertThat(meta.labels()).isEqualTo(labels);
    assertThat(new ArrayList<>(meta.labels().keySet())).isSorted();
  }

  /**
   * The builder holds a shared immutable map until its first single write: writes after {@code
   * build()} or {@code toBuilder()} never reach metadata already built.
   */
  @Property(tries = 200)
  void builderWritesNeverReachBuiltMetadata(
      @ForAll("maps") Map<String, String> start,
      @ForAll @StringLength(min = 1, max = 4) String key,
      @ForAll @StringLength(max = 4) String value) {
    ObjectMetadata first = ObjectMetadata.builder().name("n").labels(start).build();
    ObjectMetadata.Builder again = first.toBuilder();
    ObjectMetadata second = again.label(key, value).annotation(key, value).build();
    ObjectMetadata third = again.label(key + "x", value).build();

    assertThat(first.labels()).isEqualTo(start);
    assertThat(first.annotations()).isEmpty();
    TreeMap<String, String> expected = new TreeMap<>(start);
    expected.put(key, value);
    assertThat(second.labels()).isEqualTo(expected);
    assertThat(second.annotations()).isEqualTo(Map.of(key, value));
    expected.put(key + "x", value);
    assertThat(third.labels()).isEqualTo(expected);
  }

  @Test
  void aCopyCannotBeChanged() {
    Map<String, String> copy = SortedStringMap.copyOf(Map.of("b", "2", "a", "1"));

    assertThatThrownBy(() -> copy.put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(copy::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.keySet().iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(copy).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    var entries = copy.entrySet().iterator();
    entries.next();
    entries.next();
    assertThat(entries.hasNext()).isFalse();
    assertThatThrownBy(entries::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void nullKeysAndValuesAreRefusedByName() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("a", null);
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "a");

    assertThatThrownBy(() -> SortedStringMap.copyOf(nullValue))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("map value");
    assertThatThrownBy(() -> SortedStringMap.copyOf(nullKey))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("map key");
    assertThat(SortedStringMap.copyOf(null)).isEmpty();
  }

  @Provide
  Arbitrary<Map<String, String>> maps() {
    // Up to 40 entries: both the in-place sort (few entries) and the indexed sort are reached.
    return Arbitraries.maps(
            Arbitraries.strings().ofMaxLength(4), Arbitraries.strings().ofMaxLength(3))
        .ofMaxSize(40);
  }

  @Provide
  Arbitrary<String> kinds() {
    return Arbitraries.of("hash", "shuffled", "tree", "reversedTree", "immutable");
  }

  private static Map<String, String> asKind(Map<String, String> source, String kind, long seed) {
    return switch (kind) {
      case "hash" -> new HashMap<>(source);
      case "shuffled" -> {
        List<String> keys = new ArrayList<>(source.keySet());
        Collections.shuffle(keys, new Random(seed));
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, source.get(k)));
        yield out;
      }
      case "tree" -> new TreeMap<>(source);
      case "reversedTree" -> {
        TreeMap<String, String> out = new TreeMap<>(Comparator.reverseOrder());
        out.putAll(source);
        yield out;
      }
      default -> Map.copyOf(source);
    };
  }
}
