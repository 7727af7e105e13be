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

import java.util.Objects;
import java.util.Optional;

/**
 * Where a value stands in the text it was read from: an optional source name (a file path, {@code
 * -} for standard input), and a 1-based line and column.
 *
 * @param source the name of the text the value was read from, when the reader was given one
 * @param line the 1-based line
 * @param column the 1-based column
 */
public record SourceLocation(Optional<String> source, int line, int column) {

  /**
   * Checks the arguments: the source is never null, line and column are 1-based.
   *
   * @param source the name of the text the value was read from, when the reader was given one
   * @param line the 1-based line
   * @param column the 1-based column
   */
  public SourceLocation {
    Objects.requireNonNull(source, "source");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /**
   * A location in an unnamed text.
   *
   * @param line the 1-based line
   * @param column the 1-based column
   * @return the location
   */
  public static SourceLocation of(int line, int column) {
    return new SourceLocation(Optional.empty(), line, column);
  }

  /**
   * The same location in the named source.
   *
   * @param sourceName the source's name
   * @return the location, named
   */
  public SourceLocation inSource(String sourceName) {
    return new SourceLocation(Optional.of(sourceName), line, column);
  }

  /** {@code FILE:LINE:COLUMN}, or {@code LINE:COLUMN} without a source name. */
  @Override
  public String toString() {
    return source.map(s -> s + ":").orElse("") + line + ":" + column;
  }
}
