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
package dev.lattice.backup.model.validation;

import dev.lattice.backup.model.validation.internal.Endpoint;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem with one field of a resource, in the form the Kubernetes API server uses: a field
 * path such as {@code spec.storage.s3.bucket}, a {@link Type}, the offending value (already made
 * safe to print: shortened, and with anything that might be a credential hidden: user information,
 * a query, a fragment) and a detail.
 *
 * <p>{@link #toString()} renders {@code metadata.name: Invalid value: "A": must be a lowercase RFC
 * 1123 subdomain ...}, the shape {@code kubectl} users know.
 *
 * <p><b>No value under {@code spec.storage} is ever shown</b>, whatever the constructor is given: a
 * credential pasted into the wrong field (a secret key as a region, a URL with a password as an
 * endpoint) is exactly what the rules refuse, so a refusal must not print it. Such an error reads
 * {@code spec.storage.s3.bucket: Invalid value: must be 3 to 63 characters}, as the API server
 * prints it (older API servers print {@code "object"} where the value would be): the CRD's rules
 * for these fields stand on the enclosing object. The field rules' own errors for these fields
 * carry no value either, so neither do Bean Validation's messages.
 *
 * @param path the field path, dot-separated, map keys and list indexes in brackets; never null
 * @param type what kind of problem it is
 * @param badValue the offending value as it may be shown, when the type shows one
 * @param detail what is wrong, or what would be right; may be empty
 * @param location where the field stands in the source text, when the resource was read from text
 */
public record FieldError(
    String path,
    Type type,
    Optional<String> badValue,
    String detail,
    Optional<SourceLocation> location) {

  /** Longest bad value shown; a longer one is cut and ends in an ellipsis. */
  static final int MAX_SHOWN_VALUE = 80;

  /** The kinds of field problem, each with the label the Kubernetes API server prints. */
  public enum Type {
    /** A required field is absent or empty. */
    REQUIRED("Required value"),
    /** The value breaks a format or range rule. */
    INVALID("Invalid value"),
    /** The value is not one of an enumerated set. */
    UNSUPPORTED("Unsupported value"),
    /** The field may not be set in this combination. */
    FORBIDDEN("Forbidden"),
    /** The field is not part of the schema (strict reading only). */
    UNKNOWN("Unknown field"),
    /** The field appears twice in one object (strict reading only). */
    DUPLICATE("Duplicate value"),
    /** The value has the wrong JSON type, such as a list where a string belongs. */
    TYPE_INVALID("Invalid type");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    /**
     * The label printed before the detail, such as {@code Required value}.
     *
     * @return the label
     */
    public String label() {
      return label;
    }
  }

  /**
   * Checks that nothing is null.
   *
   * @param path the field path, dot-separated, map keys and list indexes in brackets; never null
   * @param type what kind of problem it is
   * @param badValue the offending value as it may be shown, when the type shows one; dropped for
   *     {@code spec.storage} and every path below it
   * @param detail what is wrong, or what would be right; may be empty
   * @param location where the field stands in the source text, when the resource was read from text
   */
  public FieldError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(badValue, "badValue");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(location, "location");
    if (hidesValue(path)) {
      badValue = Optional.empty();
    }
  }

  /** Whether errors at a path never show the value: {@code spec.storage} and every field below. */
  static boolean hidesValue(String path) {
    return path.startsWith("spec.storage")
        && (path.length() == 12 || path.charAt(12) == '.' || path.charAt(12) == '[');
  }

  /**
   * A required field is absent.
   *
   * @param path the field path
   * @return the error
   */
  public static FieldError required(String path) {
    return new FieldError(path, Type.REQUIRED, Optional.empty(), "", Optional.empty());
  }

  /**
   * A value breaks a rule; the value is shortened for display.
   *
   * @param path the field path
   * @param value the offending value, safe to print
   * @param detail the rule it breaks
   * @return the error
   */
  public static FieldError invalid(String path, String value, String detail) {
    return new FieldError(path, Type.INVALID, Optional.of(shown(value)), detail, Optional.empty());
  }

  /**
   * An error of the given type without a value.
   *
   * @param path the field path
   * @param type the kind of problem
   * @param detail what is wrong
   * @return the error
   */
  public static FieldError of(String path, Type type, String detail) {
    return new FieldError(path, type, Optional.empty(), detail, Optional.empty());
  }

  /**
   * An error of the given type showing a value.
   *
   * @param path the field path
   * @param type the kind of problem
   * @param value the offending value, safe to print
   * @param detail what is wrong
   * @return the error
   */
  public static FieldError of(String path, Type type, String value, String detail) {
    return new FieldError(path, type, Optional.of(shown(value)), detail, Optional.empty());
  }

  /**
   * The same error at a location in the source text.
   *
   * @param where the location
   * @return the error, located
   */
  public FieldError at(SourceLocation where) {
    return new FieldError(path, type, badValue, detail, Optional.of(where));
  }

  /**
   * The same error at a path below {@code prefix}: {@code bucket} under {@code spec.storage.s3}
   * becomes {@code spec.storage.s3.bucket}.
   *
   * @param prefix the parent path; empty for none
   * @return the error, re-rooted
   */
  public FieldError under(String prefix) {
    if (prefix.isEmpty()) {
      return this;
    }
    String joined =
        path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
    return new FieldError(joined, type, badValue, detail, location);
  }

  /**
   * The message without the path: {@code Invalid value: "ab": must be 3 to 63 characters}.
   *
   * @return the message
   */
  public String message() {
    StringBuilder out = new StringBuilder(type.label());
    badValue.ifPresent(v -> out.append(": \"").append(v).append('"'));
    if (!detail.isEmpty()) {
      out.append(": ").append(detail);
    }
    return out.toString();
  }

  /**
   * {@code PATH: MESSAGE}, as the Kubernetes API server prints a field error; the message alone for
   * the root.
   */
  @Override
  public String toString() {
    return path.isEmpty() ? message() : path + ": " + message();
  }

  /**
   * Reads back a message made by {@link #message()}: the inverse used for Bean Validation
   * violations, whose messages are those of field errors.
   */
  static FieldError parse(String path, String message) {
    for (Type t : Type.values()) {
      if (!message.startsWith(t.label())) {
        continue;
      }
      String rest = message.substring(t.label().length());
      Optional<String> value = Optional.empty();
      if (rest.startsWith(": \"")) {
        int i = 3;
        while (i < rest.length() && rest.charAt(i) != '"') {
          i += rest.charAt(i) == '\\' ? 2 : 1;
        }
        value = Optional.of(rest.substring(3, Math.min(i, rest.length())));
        rest = rest.substring(Math.min(i + 1, rest.length()));
      }
      String detail = rest.startsWith(": ") ? rest.substring(2) : rest;
      return new FieldError(path, t, value, detail, Optional.empty());
    }
    return new FieldError(path, Type.INVALID, Optional.empty(), message, Optional.empty());
  }

  /**
   * Hides what might be secret ({@code Endpoint.redact}: anything with an {@code @}, a query, a
   * fragment), escapes quotes, backslashes and control characters, and cuts long values.
   */
  static String shown(String raw) {
    String value = Endpoint.redact(raw);
    StringBuilder out = new StringBuilder();
    int count = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (count == MAX_SHOWN_VALUE) {
        out.append("...");
        break;
      }
      count++;
      if (cp == '"' || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (Character.isISOControl(cp) || !Character.isDefined(cp)) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }
}
