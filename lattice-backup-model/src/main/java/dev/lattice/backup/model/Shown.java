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

import dev.lattice.backup.model.validation.internal.Endpoint;
import dev.lattice.backup.model.validation.internal.FieldRule;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the string forms of the storage records show a field: a value its rule accepts as it is (an
 * endpoint redacted), any other as {@value #INVALID}. A credential pasted into the wrong field is
 * what the rules refuse, so a refused value never reaches a log line through a store's toString.
 */
final class Shown {
  /** What stands for a value the field's rule refuses. */
  static final String INVALID = "<invalid>";

  private Shown() {}

  static String value(FieldRule rule, @Nullable String value) {
    if (value == null) {
      return "null";
    }
    if (!rule.accepts(value)) {
      return INVALID;
    }
    return rule == FieldRule.S3_ENDPOINT ? Endpoint.redact(value) : value;
  }

  static String value(FieldRule rule, Optional<String> value) {
    return value.map(v -> "Optional[" + value(rule, v) + "]").orElse("Optional.empty");
  }
}
