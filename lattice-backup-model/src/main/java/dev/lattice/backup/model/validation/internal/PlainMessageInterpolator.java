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

import dev.lattice.backup.model.validation.BackupStoreValidator;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Locale;
import java.util.Map;

/**
 * A Bean Validation message interpolator that needs no Expression Language: it replaces {@code
 * {attribute}} by the constraint's attribute of that name and removes the backslash before an
 * escaped {@code \{ \} \$ \\}; {@code ${...}} expressions are left as written. The model's
 * constraints need nothing more: their messages are plain text.
 *
 * <p>Hibernate Validator's default interpolator needs a Jakarta EL implementation and, when none is
 * on the class path, logs {@code HV000183} once at start-up. Configuring this interpolator (or
 * calling {@link #validatorFactory()}) avoids both the warning and the EL dependency; the messages
 * are the same as {@link BackupStoreValidator#validate}'s. Embedders reach it through {@link
 * BackupStoreValidator#messageInterpolator()} and {@link BackupStoreValidator#validatorFactory()};
 * public only because that class is in another package.
 */
public final class PlainMessageInterpolator implements MessageInterpolator {

  /** An interpolator; stateless and thread-safe. */
  public PlainMessageInterpolator() {}

  /**
   * A validator factory of the default Bean Validation provider with this interpolator.
   *
   * @return a new factory; close it when done
   */
  public static ValidatorFactory validatorFactory() {
    return Validation.byDefaultProvider()
        .configure()
        .messageInterpolator(new PlainMessageInterpolator())
        .buildValidatorFactory();
  }

  @Override
  public String interpolate(String messageTemplate, Context context) {
    return interpolate(messageTemplate, context.getConstraintDescriptor().getAttributes());
  }

  @Override
  public String interpolate(String messageTemplate, Context context, Locale locale) {
    return interpolate(messageTemplate, context);
  }

  /** The template with its attributes filled in and its escapes removed. */
  static String interpolate(String template, Map<String, Object> attributes) {
    StringBuilder out = new StringBuilder(template.length());
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length()) {
        out.append(template.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '{' && (i == 0 || template.charAt(i - 1) != '$')) {
        int end = template.indexOf('}', i + 1);
        Object value = end < 0 ? null : attributes.get(template.substring(i + 1, end));
        if (value != null) {
          out.append(value);
          i = end + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
