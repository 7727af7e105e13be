package dev.lattice.backup.translate;

import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What one BackupStore translates to: a BSL, or the reasons it cannot. */
public sealed interface TranslationResult {

  /**
   * The store translated.
   *
   * @param bsl the desired BackupStorageLocation
   * @param mirror the Secret to copy into Velero's namespace first, when the store's credentials
   *     live elsewhere
   */
  record Translated(BackupStorageLocation bsl, Optional<CredentialMirror> mirror)
      implements TranslationResult {
    /**
     * Checks nothing is null.
     *
     * @param bsl the location
     * @param mirror the Secret to mirror
     */
    public Translated {
      Objects.requireNonNull(bsl, "bsl");
      Objects.requireNonNull(mirror, "mirror");
    }
  }

  /**
   * The store is invalid; nothing is to be applied for it.
   *
   * @param errors every problem, never empty
   */
  record Rejected(List<FieldError> errors) implements TranslationResult {
    /**
     * Copies the errors.
     *
     * @param errors the problems
     */
    public Rejected {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one error");
      }
    }
  }
}
