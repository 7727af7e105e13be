package dev.lattice.backup.model.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Checks {@link Satisfies}; public only because Bean Validation providers instantiate it. */
public final class SatisfiesValidator implements ConstraintValidator<Satisfies, String> {
  private FieldRule rule = FieldRule.DNS1123_SUBDOMAIN;

  /** Creates the validator; Bean Validation calls {@link #initialize(Satisfies)} next. */
  public SatisfiesValidator() {}

  @Override
  public void initialize(Satisfies annotation) {
    this.rule = annotation.value();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    Optional<FieldError> problem = rule.check(value);
    problem.ifPresent(p -> Violations.report(context, p));
    return problem.isEmpty();
  }

  /** Checks {@link Satisfies} on an {@code Optional<String>}: an empty optional is accepted. */
  public static final class OfOptional implements ConstraintValidator<Satisfies, Optional<?>> {
    private final SatisfiesValidator plain = new SatisfiesValidator();

    /** Creates the validator; Bean Validation calls {@link #initialize(Satisfies)} next. */
    public OfOptional() {}

    @Override
    public void initialize(Satisfies annotation) {
      plain.initialize(annotation);
    }

    @Override
    public boolean isValid(Optional<?> value, ConstraintValidatorContext context) {
      return value == null
          || value.isEmpty()
          || !(value.get() instanceof String s)
          || plain.isValid(s, context);
    }
  }
}
