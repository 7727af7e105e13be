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
package dev.lattice.backup.model.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written checks of {@link FieldRule} accept exactly what the regexes they replace do. */
class HandWrittenPatternProperties {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern IPV4_SHAPE = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab09-.").ofMaxLength(12),
        Arbitraries.strings().withChars("a0-.A_ \n\u00e9").ofMaxLength(6),
        Arbitraries.strings().withChars("0123456789.").ofMaxLength(16),
        Arbitraries.strings().ofMaxLength(8),
        Arbitraries.of("", "a", "-", ".", "a.", ".a", "a..b", "1.2.3.4", "1.2.3", "1.2.3.4.5"));
  }

  @Property(tries = 3000)
  void labelsAsTheRegex(@ForAll("names") String s) {
    assertThat(FieldRule.isLabel(s)).as(s).isEqualTo(LABEL.matcher(s).matches());
  }

  @Property(tries = 3000)
  void subdomainsAsTheRegex(@ForAll("names") String s) {
    assertThat(FieldRule.isSubdomain(s)).as(s).isEqualTo(SUBDOMAIN.matcher(s).matches());
  }

  @Property(tries = 3000)
  void ipv4ShapesAsTheRegex(@ForAll("names") String s) {
    assertThat(FieldRule.isIpv4Shape(s)).as(s).isEqualTo(IPV4_SHAPE.matcher(s).matches());
  }
}
