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

import dev.lattice.backup.model.validation.FieldError;
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
