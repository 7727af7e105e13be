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
