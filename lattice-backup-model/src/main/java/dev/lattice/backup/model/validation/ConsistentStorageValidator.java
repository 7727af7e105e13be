package dev.lattice.backup.model.validation;

import dev.lattice.backup.model.BackupStorageSpec;
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
