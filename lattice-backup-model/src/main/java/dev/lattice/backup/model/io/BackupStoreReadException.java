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

import dev.lattice.backup.model.validation.FieldError;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one exception {@link BackupStoreCodec} throws when reading: either the text is not a readable
 * document ({@link Kind#MALFORMED}), or a well-formed document does not fit the BackupStore schema
 * ({@link Kind#INVALID}: unknown fields in strict mode, unknown enum values, wrong JSON types). Its
 * message never contains the text that was read beyond the offending values, and never a URL's user
 * information.
 */
public final class BackupStoreReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** Not YAML or JSON, over a {@link ReadLimits} bound, or not a mapping. */
    MALFORMED,
    /** A well-formed document that does not fit the BackupStore schema. */
    INVALID
  }

  /** What went wrong. */
  private final Kind kind;

  /** The problems; not serialised. */
  private final transient List<FieldError> errors;

  /**
   * Creates the exception.
   *
   * @param kind what went wrong
   * @param errors the problems, at least one; field paths are empty for {@link Kind#MALFORMED}
   */
  public BackupStoreReadException(Kind kind, List<FieldError> errors) {
    super(render(errors));
    this.kind = Objects.requireNonNull(kind, "kind");
    this.errors = List.copyOf(errors);
    if (this.errors.isEmpty()) {
      throw new IllegalArgumentException("a read exception needs at least one error");
    }
  }

  /**
   * What went wrong.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Every problem found, each with its location in the text where known.
   *
   * @return the problems, never empty
   */
  public List<FieldError> errors() {
    return errors;
  }

  private static String render(List<FieldError> errors) {
    return errors.stream()
        .map(e -> e.location().map(l -> l + ": ").orElse("") + e)
        .collect(Collectors.joining("; "));
  }
}
