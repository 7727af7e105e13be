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
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

/**
 * Translates between {@link FieldError} and Bean Validation's violations; public only because
 * {@code BackupStoreValidator.fromViolations} is in another package.
 */
public final class Violations {

  private Violations() {}

  /**
   * Reports a problem found by a rule as a violation, at the problem's (relative) path below the
   * validated element, with the problem's message as a literal template.
   */
  static void report(ConstraintValidatorContext context, FieldError problem) {
    context.disableDefaultConstraintViolation();
    var builder = context.buildConstraintViolationWithTemplate(literal(problem.message()));
    if (problem.path().isEmpty()) {
      builder.addConstraintViolation();
      return;
    }
    String path = problem.path();
    int dot = path.indexOf('.');
    var node = builder.addPropertyNode(dot < 0 ? path : path.substring(0, dot));
    while (dot >= 0) {
      int next = path.indexOf('.', dot + 1);
      node =
          node.addPropertyNode(next < 0 ? path.substring(dot + 1) : path.substring(dot + 1, next));
      dot = next;
    }
    node.addConstraintViolation();
  }

  /** Escapes the characters a message template would interpret. */
  static String literal(String message) {
    StringBuilder out = new StringBuilder(message.length() + 8);
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '\\' || c == '{' || c == '}' || c == '$') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * The Kubernetes-style path of a violation: property names joined by dots, indexes in brackets.
   *
   * @param violation a violation a Bean Validation provider reported
   * @return the path, rooted at the validated object
   */
  public static String path(ConstraintViolation<?> violation) {
    StringBuilder out = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getIndex() != null) {
        out.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null) {
        out.append('[').append(node.getKey()).append(']');
      }
      String name = node.getName();
      if (name == null || name.startsWith("<")) {
        continue;
      }
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(name);
    }
    return out.toString();
  }
}
