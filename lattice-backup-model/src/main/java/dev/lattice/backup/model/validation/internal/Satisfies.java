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

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.lattice.backup.model.validation.FieldError;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Bean Validation constraint: the annotated string (or {@code Optional<String>}) satisfies a {@link
 * FieldRule}. Null and empty optionals are accepted; combine with {@code @NotNull} for required
 * fields. The violation's message is the {@link FieldError#message()} of the rule's problem.
 */
@Documented
@Constraint(validatedBy = {SatisfiesValidator.class, SatisfiesValidator.OfOptional.class})
@Target({FIELD, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Satisfies {
  /**
   * The rule the value must satisfy.
   *
   * @return the rule
   */
  FieldRule value();

  /**
   * Unused: the message comes from the rule.
   *
   * @return the default message template
   */
  String message() default "Invalid value";

  /**
   * The validation groups.
   *
   * @return the groups
   */
  Class<?>[] groups() default {};

  /**
   * The payload.
   *
   * @return the payload
   */
  Class<? extends Payload>[] payload() default {};
}
