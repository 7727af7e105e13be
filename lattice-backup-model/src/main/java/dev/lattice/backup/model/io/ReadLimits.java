package dev.lattice.backup.model.io;

/**
 * Bounds on what a {@link BackupStoreCodec} reads, so that hostile text (a YAML alias bomb, deep
 * nesting, a huge scalar) ends in a {@link BackupStoreReadException} instead of exhausting memory.
 *
 * @param maxTextChars the longest text read at once, in characters (default 64 MiB)
 * @param maxNestingDepth the deepest nesting of mappings and sequences (default 64)
 * @param maxStringChars the longest single scalar, in characters (default 1 MiB)
 * @param maxAliases the most YAML aliases of mappings and sequences in one text (default 20)
 */
public record ReadLimits(int maxTextChars, int maxNestingDepth, int maxStringChars, int maxAliases) {

  /** The defaults: 64 MiB of text, depth 64, scalars of 1 MiB, 20 aliases. */
  public static final ReadLimits DEFAULTS = new ReadLimits(64 << 20, 64, 1 << 20, 20);

  /** Checks that every limit is positive (aliases may be zero). */
  public ReadLimits {
    if (maxTextChars < 1 || maxNestingDepth < 1 || maxStringChars < 1 || maxAliases < 0) {
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
    return new ReadLimits(value, maxNestingDepth, maxStringChars, maxAliases);
  }

  /**
   * A copy with another nesting limit.
   *
   * @param value the deepest nesting
   * @return the copy
   */
  public ReadLimits withMaxNestingDepth(int value) {
    return new ReadLimits(maxTextChars, value, maxStringChars, maxAliases);
  }

  /**
   * A copy with another scalar size limit.
   *
   * @param value the longest scalar, in characters
   * @return the copy
   */
  public ReadLimits withMaxStringChars(int value) {
    return new ReadLimits(maxTextChars, maxNestingDepth, value, maxAliases);
  }

  /**
   * A copy with another alias limit.
   *
   * @param value the most aliases of collections
   * @return the copy
   */
  public ReadLimits withMaxAliases(int value) {
    return new ReadLimits(maxTextChars, maxNestingDepth, maxStringChars, value);
  }
}
