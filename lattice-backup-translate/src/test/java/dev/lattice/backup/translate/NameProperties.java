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

import dev.lattice.backup.model.validation.internal.FieldRule;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import dev.lattice.backup.translate.internal.names.BslNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of BSL names: valid, short, injective and stable. */
class NameProperties {
  private static final String PLATFORM = "lattice-system";

  record Key(String namespace, String name) {}

  @Provide
  Arbitrary<Key> keys() {
    Arbitrary<String> namespaces =
        Arbitraries.oneOf(
            Arbitraries.of(PLATFORM, "team-a", "team-a-b", "team", "lattice", "a"),
            ModelArbitraries.namespace());
    Arbitrary<String> hexTail =
        Arbitraries.strings()
            .withChars("abcdefghijklmnopqrstuvwxyz234567")
            .ofLength(BslNames.HASH_CHARS)
            .map(h -> "x-" + h);
    Arbitrary<String> names =
        Arbitraries.oneOf(
            Arbitraries.of("b", "a-b", "team-a-b", "system-b", "x", "backups"),
            hexTail,
            hexTail.map(h -> "lattice-" + h),
            ModelArbitraries.objectName(),
            Arbitraries.strings()
                .withChars("ab")
                .ofLength(253)
                .map(s -> "a" + s.substring(1, 252) + "b"));
    return Combinators.combine(namespaces, names).as(Key::new);
  }

  @Property
  void everyNameIsAShortDnsName(@ForAll("keys") Key key) {
    String name = BslNames.bslName(key.namespace(), key.name(), PLATFORM);

    assertThat(name.length()).isLessThanOrEqualTo(63);
    assertThat(FieldRule.DNS1123_SUBDOMAIN.check(name)).isEmpty();
    assertThat(name).startsWith("lattice-");
  }

  @Property(tries = 300)
  void namesAreInjective(@ForAll("keyLists") List<Key> keys) {
    Map<String, Key> seen = new HashMap<>();
    for (Key key : keys) {
      Key previous = seen.put(BslNames.bslName(key.namespace(), key.name(), PLATFORM), key);
      assertThat(previous == null || previous.equals(key))
          .as("%s and %s share a name", previous, key)
          .isTrue();
    }
  }

  @Provide
  Arbitrary<List<Key>> keyLists() {
    return keys().list().ofMinSize(2).ofMaxSize(50);
  }

  @Property
  void legacyNamesAreKeptWhenTheyFit(@ForAll("keys") Key key) {
    String legacy = "lattice-" + key.name();
    boolean looksHashed = legacy.matches(".*-[a-z2-7]{" + BslNames.HASH_CHARS + "}");
    if (key.namespace().equals(PLATFORM) && legacy.length() <= 63 && !looksHashed) {
      assertThat(BslNames.bslName(key.namespace(), key.name(), PLATFORM)).isEqualTo(legacy);
    }
  }

  @Example
  void namesAreStableAcrossVersions() {
    // Hashes computed outside Java: printf 'team-a/b' | sha256sum | xxd -r -p | base32, lower
    // case, first 26 characters: j4tqsyjwagpynffj6ufbmp7hqt
    assertThat(BslNames.bslName("team-a", "b", PLATFORM))
        .isEqualTo("lattice-team-a-b-j4tqsyjwagpynffj6ufbmp7hqt");
    // printf 'lattice-system/team-a-b' | sha256sum -> da4a185d39a97db0…, unused: the legacy name
    // fits
    assertThat(BslNames.bslName(PLATFORM, "team-a-b", PLATFORM)).isEqualTo("lattice-team-a-b");
    // A platform store whose legacy name would end like a hash is hashed instead.
    String looksHashed = "x-abcdefghijklmnopqrstuvwxyz";
    assertThat(BslNames.bslName(PLATFORM, looksHashed, PLATFORM))
        .startsWith("lattice-lattice-system-x-abcdefghijk-")
        .hasSize(63);
    // Long bases are cut to 36 characters before the hash.
    assertThat(BslNames.bslName("team-a", "n".repeat(100), PLATFORM))
        .startsWith("lattice-team-a-" + "n".repeat(21) + "-")
        .hasSize(63);
    // A name the previous, 64-bit scheme hashed keeps its legacy form now.
    assertThat(BslNames.bslName(PLATFORM, "x-0123456789abcdef", PLATFORM))
        .isEqualTo("lattice-x-0123456789abcdef");
  }

  @Example
  void theLongestLegacyNameIsKeptAndACutNeverEndsInAHyphen() {
    String longest = "n".repeat(63 - "lattice-".length());
    assertThat(BslNames.bslName(PLATFORM, longest, PLATFORM)).isEqualTo("lattice-" + longest);
    assertThat(BslNames.bslName(PLATFORM, longest + "n", PLATFORM)).hasSize(63);

    // "lattice-team-a-" is 15 characters: the 36-character cut ends on the hyphen after 20 n's.
    String name = "n".repeat(20) + "-" + "m".repeat(10);
    String bsl = BslNames.bslName("team-a", name, PLATFORM);
    assertThat(bsl).startsWith("lattice-team-a-" + "n".repeat(20) + "-").doesNotContain("--");
    assertThat(bsl).hasSize(15 + 20 + 1 + BslNames.HASH_CHARS);
  }
}
