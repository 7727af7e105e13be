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

/**
 * Bounds on what a {@link BackupStoreCodec} reads, so that hostile text (a YAML alias bomb, deep
 * nesting, a huge scalar) ends in a {@link BackupStoreReadException} instead of exhausting memory.
 *
 * @param maxTextChars the longest text read at once, in characters (default 64 MiB)
 * @param maxNestingDepth the deepest nesting of mappings and sequences (default 64)
 * @param maxStringChars the longest single scalar or key, in characters (default 1 MiB)
 *     <p>YAML aliases ({@code *name}) are always refused: a BackupStore never needs them, and
 *     refusing them is the only complete defence against alias expansion ("billion laughs").
 */
public record ReadLimits(int maxTextChars, int maxNestingDepth, int maxStringChars) {

  /** The defaults: 64 MiB of text, depth 64, scalars and keys of 1 MiB. */
  public static final ReadLimits DEFAULTS = new ReadLimits(64 << 20, 64, 1 << 20);

  /**
   * Checks that every limit is positive.
   *
   * @param maxTextChars the longest text read at once, in characters (default 64 MiB)
   * @param maxNestingDepth the deepest nesting of mappings and sequences (default 64)
   * @param maxStringChars the longest single scalar or key, in characters (default 1 MiB)
   *     <p>YAML aliases ({@code *name}) are always refused: a BackupStore never needs them, and
   *     refusing them is the only complete defence against alias expansion ("billion laughs").
   */
  public ReadLimits {
    if (maxTextChars < 1 || maxNestingDepth < 1 || maxStringChars < 1) {
      throw new IllegalArgumentException("read limits must be positive: " + this);
    }
  }

  /**
   * A copy with another text size limit.
   *
   * @param value the longest text, in characters
   * @return the copy
   */
  public ReadLimits withMaxTextChars(int value) {
    return new ReadLimits(value, maxNestingDepth, maxStringChars);
  }

  /**
   * A copy with another nesting limit.
   *
   * @param value the deepest nesting
   * @return the copy
   */
  public ReadLimits withMaxNestingDepth(int value) {
    return new ReadLimits(maxTextChars, value, maxStringChars);
  }

  /**
   * A copy with another scalar size limit.
   *
   * @param value the longest scalar, in characters
   * @return the copy
   */
  public ReadLimits withMaxStringChars(int value) {
    return new ReadLimits(maxTextChars, maxNestingDepth, value);
  }
}
