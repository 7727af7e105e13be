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

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link KeyOrder} is a stable sort by {@link StoreKey}: it agrees with {@link Arrays#sort} over
 * input positions ordered by key, then position; it flags exactly the keys equal to their
 * predecessor; and its two ways of comparing names (copied into one array, or in place) agree. Keys
 * are drawn from a tiny alphabet (with chars above Latin-1, NUL and empty strings) so that equal
 * namespaces, shared prefixes and duplicates are common.
 */
class KeyOrderProperties {

  @Property(tries = 500)
  void ordersAsAStableSortByKey(@ForAll("keys") List<StoreKey> keys) {
    assertStableSortByKey(keys);
  }

  /** Few namespaces and many keys: groups long enough for several merge passes, odd and even. */
  @Property(tries = 200)
  void ordersLargeNamespaceGroupsAsAStableSortByKey(@ForAll("crowdedKeys") List<StoreKey> keys) {
    assertStableSortByKey(keys);
  }

  /** Names longer than the copy's first guess (16 chars a key), so the copy has to grow. */
  @Property(tries = 100)
  void ordersLongNamesAsAStableSortByKey(@ForAll("longNames") List<StoreKey> keys) {
    assertStableSortByKey(keys);
  }

  private static void assertStableSortByKey(List<StoreKey> keys) {
    StoreKey[] input = keys.toArray(new StoreKey[0]);
    KeyOrder order = KeyOrder.of(input);

    Integer[] reference = new Integer[input.length];
    for (int i = 0; i < input.length; i++) {
      reference[i] = i;
    }
    Arrays.sort(reference, Comparator.comparing((Integer i) -> input[i]));

    assertThat(order.size()).isEqualTo(input.length);
    for (int p = 0; p < input.length; p++) {
      assertThat(order.inputIndex(p)).isEqualTo(reference[p]);
      assertThat(order.key(p)).isSameAs(input[reference[p]]);
      boolean repeats = p > 0 && input[reference[p - 1]].equals(input[reference[p]]);
      assertThat(order.repeatsPrevious(p)).isEqualTo(repeats);
    }
  }

  /** Whatever the limit on copied text (none fits, some fit, all fit), the order is the same. */
  @Property(tries = 300)
  void namesComparedInPlaceOrderAsNamesCopied(
      @ForAll("crowdedKeys") List<StoreKey> keys, @ForAll @IntRange(max = 40) int textLimit) {
    StoreKey[] input = keys.toArray(new StoreKey[0]);
    KeyOrder copied = KeyOrder.of(input);
    KeyOrder inPlace = KeyOrder.of(input, textLimit);

    for (int p = 0; p < input.length; p++) {
      assertThat(inPlace.inputIndex(p)).isEqualTo(copied.inputIndex(p));
      assertThat(inPlace.repeatsPrevious(p)).isEqualTo(copied.repeatsPrevious(p));
    }
  }

  @Example
  void charsCompareAsUtf16UnitsAndAPrefixSortsFirst() {
    StoreKey[] input = {
      new StoreKey("ns", "b\uffff"),
      new StoreKey("ns", "b"),
      new StoreKey("ns", "bé"),
      new StoreKey("ns", "b\u0000"),
      new StoreKey("", "z"),
      new StoreKey("ns", "b"),
    };
    KeyOrder order = KeyOrder.of(input);

    int[] positions = new int[input.length];
    for (int p = 0; p < input.length; p++) {
      positions[p] = order.inputIndex(p);
    }
    assertThat(positions).containsExactly(4, 1, 5, 3, 2, 0);
    assertThat(order.repeatsPrevious(2)).isTrue();
    assertThat(order.repeatsPrevious(1)).isFalse();
    assertThat(order.repeatsPrevious(3)).isFalse();
  }

  @Example
  void noKeysGiveAnEmptyOrder() {
    assertThat(KeyOrder.of(new StoreKey[0]).size()).isZero();
  }

  @Provide
  Arbitrary<List<StoreKey>> keys() {
    Arbitrary<String> text = Arbitraries.strings().withChars("ab\u00e9\uffff\u0000").ofMaxLength(3);
    Arbitrary<StoreKey> key = net.jqwik.api.Combinators.combine(text, text).as(StoreKey::new);
    return key.list().ofMaxSize(80);
  }

  @Provide
  Arbitrary<List<StoreKey>> longNames() {
    Arbitrary<String> namespace = Arbitraries.of("a", "b");
    Arbitrary<String> name =
        Arbitraries.strings().withChars("ab").ofMaxLength(3).map(suffix -> "x".repeat(40) + suffix);
    return Combinators.combine(namespace, name).as(StoreKey::new).list().ofMinSize(1).ofMaxSize(60);
  }

  @Provide
  Arbitrary<List<StoreKey>> crowdedKeys() {
    Arbitrary<String> namespace = Arbitraries.of("", "a", "bé");
    Arbitrary<String> name = Arbitraries.strings().withChars("abé￿").ofMaxLength(4);
    return Combinators.combine(namespace, name).as(StoreKey::new).list().ofMaxSize(300);
  }
}
