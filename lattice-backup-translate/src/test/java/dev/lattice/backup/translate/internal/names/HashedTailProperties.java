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
package dev.lattice.backup.translate.internal.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written hashed-tail check answers exactly as the regex it replaces. */
class HashedTailProperties {
  private static final Pattern HASHED_TAIL = Pattern.compile(".*-[a-z2-7]{26}");

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> heads =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("ab-.\n\r\u0085\u2028\u2029").ofMaxLength(5),
            Arbitraries.strings().ofMaxLength(5));
    Arbitrary<String> tails =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .withChars("0123456789abcdefz7Ag-")
                .ofMinLength(24)
                .ofMaxLength(28),
            Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz234567")
                .ofLength(26)
                .map(h -> "-" + h));
    return Combinators.combine(heads, tails).as(String::concat);
  }

  @Property(tries = 3000)
  void hashedTailsAsTheRegex(@ForAll("names") String s) {
    assertThat(BslNames.endsLikeHashedName(s)).as(s).isEqualTo(HASHED_TAIL.matcher(s).matches());
  }

  @net.jqwik.api.Example
  void aHashedTailAloneIsAHashedTail() {
    assertThat(BslNames.endsLikeHashedName("-abcdefghijklmnopqrstuvwx27")).isTrue();
    assertThat(BslNames.endsLikeHashedName("abcdefghijklmnopqrstuvwx27")).isFalse();
    assertThat(BslNames.endsLikeHashedName("-0123456789abcdef")).isFalse();
  }
}
