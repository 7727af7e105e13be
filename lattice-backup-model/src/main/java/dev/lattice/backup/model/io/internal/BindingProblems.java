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
package dev.lattice.backup.model.io.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.internal.FieldRule;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What goes wrong while Jackson binds a tree, as field errors: skips unknown fields (strict mode
 * finds them beforehand) and collects bad scalar values instead of failing at the first; {@link
 * #typeProblem} words a value of the wrong JSON type.
 */
final class BindingProblems extends DeserializationProblemHandler {
  private final List<FieldError> problems;
  private final JsonMapper mapper;

  /**
   * A handler that adds to the given list.
   *
   * @param problems where to add the problems
   * @param mapper the mapper, to spell an enum's values as the document spells them
   */
  BindingProblems(List<FieldError> problems, JsonMapper mapper) {
    this.problems = problems;
    this.mapper = mapper;
  }

  @Override
  public boolean handleUnknownProperty(
      DeserializationContext ctxt,
      JsonParser p,
      JsonDeserializer<?> deserializer,
      Object beanOrClass,
      String propertyName)
      throws IOException {
    p.skipChildren();
    return true;
  }

  @Override
  public @Nullable Object handleWeirdStringValue(
      DeserializationContext ctxt, Class<?> targetType, String valueToConvert, String failureMsg) {
    String path = Paths.of(ctxt.getParser().getParsingContext());
    if (targetType.isEnum()) {
      String allowed =
          Arrays.stream(targetType.getEnumConstants())
              .map(c -> "\"" + mapper.convertValue(c, String.class) + "\"")
              .collect(Collectors.joining(", "));
      problems.add(
          FieldError.of(
              path,
              FieldError.Type.UNSUPPORTED,
              FieldRule.redactUserInfo(valueToConvert),
              "supported values: " + allowed));
    } else if (targetType == Instant.class) {
      problems.add(
          FieldError.of(
              path,
              FieldError.Type.INVALID,
              valueToConvert,
              "must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z"));
    } else {
      problems.add(
          FieldError.of(
              path,
              FieldError.Type.INVALID,
              FieldRule.redactUserInfo(valueToConvert),
              "cannot be read as " + jsonType(targetType)));
    }
    return null;
  }

  /** The error for a value of the wrong JSON type, or a null where none is allowed. */
  static FieldError typeProblem(MismatchedInputException e) {
    String path = Paths.of(e.getPath());
    Class<?> target = e.getTargetType();
    if (e instanceof com.fasterxml.jackson.databind.exc.InvalidNullException) {
      return FieldError.of(path, FieldError.Type.TYPE_INVALID, "must not be null");
    }
    return FieldError.of(path, FieldError.Type.TYPE_INVALID, "expected " + jsonType(target));
  }

  /** The JSON type a Java type is read from, as an error message names it. */
  private static String jsonType(@Nullable Class<?> target) {
    if (target == null) {
      return "another type";
    }
    if (target == String.class) {
      return "string";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "boolean";
    }
    if (target == Long.class
        || target == long.class
        || target == Integer.class
        || target == int.class) {
      return "integer";
    }
    if (target == Instant.class) {
      return "RFC 3339 date-time string";
    }
    if (target.isEnum()) {
      return "string";
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "list";
    }
    return "mapping";
  }
}
