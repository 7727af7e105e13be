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
package dev.lattice.backup.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a {@link FieldError} shows a bad value. */
class FieldErrorTest {

  @Test
  void shownValuesAreEscapedAndCut() {
    FieldError e = FieldError.invalid("p", "a\"b\\c\n" + "x".repeat(100), "bad");
    assertThat(e.badValue().orElseThrow()).startsWith("a\\\"b\\\\c\\u000a").endsWith("...");
    // 80 code points, of which the quote and backslash gain one character each and the newline
    // five.
    assertThat(e.badValue().orElseThrow()).hasSize(FieldError.MAX_SHOWN_VALUE + 1 + 1 + 5 + 3);
  }
}
