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

import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.validation.FieldError;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;

/**
 * Checks {@link ConsistentStorage}; public only because Bean Validation providers instantiate it.
 */
public final class ConsistentStorageValidator
    implements ConstraintValidator<ConsistentStorage, BackupStorageSpec> {

  /** Creates the validator. */
  public ConsistentStorageValidator() {}

  @Override
  public boolean isValid(BackupStorageSpec value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    List<FieldError> problems = StorageRules.crossField(value);
    problems.forEach(p -> Violations.report(context, p));
    return problems.isEmpty();
  }
}
