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
import dev.lattice.backup.model.validation.FieldError;
import java.util.Locale;
import java.util.Optional;

/**
 * The format rules for single string fields of a BackupStore. Each rule is a pure function from a
 * value to the problem with it, if any; the Bean Validation annotation {@link Satisfies} and {@link
 * BackupStoreValidator} both use these, so the two can never disagree.
 *
 * <p>A rule reports at most one problem per value: the first check it fails, in the order the
 * constant's documentation lists them. An empty string is always invalid. Null is not judged here:
 * whether a field is required is a separate rule.
 */
public enum FieldRule {
  /** Exactly {@code lattice.dev/v1alpha1}. */
  API_VERSION {
    @Override
    Optional<FieldError> problem(String value) {
      return exactly(value, "lattice.dev/v1alpha1");
    }
  },
  /** Exactly {@code BackupStore}. */
  KIND {
    @Override
    Optional<FieldError> problem(String value) {
      return exactly(value, "BackupStore");
    }
  },
  /**
   * A DNS-1123 subdomain (object names, Secret and CloudProvider references): at most 253
   * characters; lowercase letters, digits, {@code -} and {@code .}; dot-separated parts that start
   * and end with a letter or digit.
   */
  DNS1123_SUBDOMAIN {
    @Override
    Optional<FieldError> problem(String value) {
      if (value.length() > 253) {
        return invalid(value, "must be no more than 253 characters");
      }
      if (!isSubdomain(value)) {
        return invalid(
            value,
            "must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', each"
                + " dot-separated part starting and ending with a letter or digit");
      }
      return Optional.empty();
    }
  },
  /**
   * The name of a Secret or CloudProvider a store refers to ({@code credentialsSecretRef}, {@code
   * cloudProviderRef}): a DNS-1123 subdomain, checked as {@link #DNS1123_SUBDOMAIN} but, like every
   * rule of a field of the storage, never showing the value.
   */
  REFERENCE {
    @Override
    Optional<FieldError> problem(String value) {
      return DNS1123_SUBDOMAIN.problem(value);
    }
  },
  /**
   * A DNS-1123 label (namespaces): at most 63 characters; lowercase letters, digits and {@code -};
   * starts and ends with a letter or digit.
   */
  DNS1123_LABEL {
    @Override
    Optional<FieldError> problem(String value) {
      if (value.length() > 63) {
        return invalid(value, "must be no more than 63 characters");
      }
      if (!isLabel(value)) {
        return invalid(
            value,
            "must be a lowercase RFC 1123 label: lowercase letters, digits and '-', starting and"
                + " ending with a letter or digit");
      }
      return Optional.empty();
    }
  },
  /**
   * An S3 bucket name: 3 to 63 characters; lowercase letters, digits, {@code .} and {@code -};
   * starts and ends with a letter or digit; no {@code ..}; not an IPv4 address; no {@code xn--}
   * prefix; no {@code -s3alias} or {@code --ol-s3} suffix.
   */
  S3_BUCKET {
    @Override
    Optional<FieldError> problem(String value) {
      if (value.length() < 3 || value.length() > 63) {
        return invalid(value, "must be 3 to 63 characters");
      }
      if (!onlyChars(value, "abcdefghijklmnopqrstuvwxyz0123456789.-")) {
        return invalid(value, "may contain only lowercase letters, digits, '.' and '-'");
      }
      if (!alnumEnds(value)) {
        return invalid(value, "must start and end with a lowercase letter or digit");
      }
      if (value.contains("..")) {
        return invalid(value, "must not contain two adjacent periods");
      }
      if (isIpv4Shape(value)) {
        return invalid(value, "must not be formatted as an IP address");
      }
      if (value.startsWith("xn--")) {
        return invalid(value, "must not start with 'xn--'");
      }
      if (value.endsWith("-s3alias") || value.endsWith("--ol-s3")) {
        return invalid(value, "must not end with '-s3alias' or '--ol-s3'");
      }
      return Optional.empty();
    }
  },
  /**
   * An AWS region such as {@code us-east-1}: at most 63 characters; lowercase letters, digits and
   * {@code -}; starts and ends with a letter or digit.
   */
  S3_REGION {
    @Override
    Optional<FieldError> problem(String value) {
      if (value.length() > 63 || !isLabel(value)) {
        return invalid(
            value,
            "must be a region name such as 'us-east-1': at most 63 lowercase letters, digits and"
                + " '-', starting and ending with a letter or digit");
      }
      return Optional.empty();
    }
  },
  /**
   * An S3 endpoint: an absolute {@code http} or {@code https} URL of at most 2048 characters with a
   * host, without user information (credentials belong in a Secret), query or fragment, whose host
   * is unambiguous and of no special use (loopback, link-local, unspecified, cloud metadata,
   * multicast, reserved, IPv4 written as IPv6) in any notation. Its errors never show the value.
   */
  S3_ENDPOINT {
    @Override
    Optional<FieldError> problem(String value) {
      Optional<String> problem = Endpoint.problem(value);
      return problem.isEmpty() ? Optional.empty() : invalid(Endpoint.redact(value), problem.get());
    }
  },
  /**
   * A GCS bucket name: 3 to 63 characters (up to 222 with dots, each dot-separated part at most
   * 63); lowercase letters, digits, {@code -}, {@code _} and {@code .}; starts and ends with a
   * letter or digit; no {@code goog} prefix; no {@code google} inside.
   */
  GCS_BUCKET {
    @Override
    Optional<FieldError> problem(String value) {
      boolean dotted = value.indexOf('.') >= 0;
      if (value.length() < 3 || value.length() > (dotted ? 222 : 63) || longDotPart(value)) {
        return invalid(
            value,
            "must be 3 to 63 characters, or up to 222 with dots when each dot-separated part has at"
                + " most 63");
      }
      if (!onlyChars(value, "abcdefghijklmnopqrstuvwxyz0123456789-_.")) {
        return invalid(value, "may contain only lowercase letters, digits, '-', '_' and '.'");
      }
      if (!alnumEnds(value)) {
        return invalid(value, "must start and end with a lowercase letter or digit");
      }
      if (value.startsWith("goog")) {
        return invalid(value, "must not start with 'goog'");
      }
      if (value.contains("google")) {
        return invalid(value, "must not contain 'google'");
      }
      return Optional.empty();
    }
  },
  /**
   * An Azure blob container name: 3 to 63 characters; lowercase letters, digits and {@code -};
   * starts and ends with a letter or digit; no {@code --}.
   */
  AZURE_CONTAINER {
    @Override
    Optional<FieldError> problem(String value) {
      if (value.length() < 3 || value.length() > 63) {
        return invalid(value, "must be 3 to 63 characters");
      }
      if (!onlyChars(value, "abcdefghijklmnopqrstuvwxyz0123456789-")) {
        return invalid(value, "may contain only lowercase letters, digits and '-'");
      }
      if (!alnumEnds(value)) {
        return invalid(value, "must start and end with a lowercase letter or digit");
      }
      if (value.contains("--")) {
        return invalid(value, "must not contain two adjacent hyphens");
      }
      return Optional.empty();
    }
  },
  /** An Azure storage account name: 3 to 24 lowercase letters and digits. */
  AZURE_STORAGE_ACCOUNT {
    @Override
    Optional<FieldError> problem(String value) {
      if (value.length() < 3
          || value.length() > 24
          || !onlyChars(value, "abcdefghijklmnopqrstuvwxyz0123456789")) {
        return invalid(value, "must be 3 to 24 lowercase letters and digits");
      }
      return Optional.empty();
    }
  };

  /**
   * The problem with a value, at the empty path (see {@link FieldError#under(String)}).
   *
   * @param value the value, not null
   * @return the problem, or empty when the value is acceptable
   */
  public Optional<FieldError> check(String value) {
    Optional<FieldError> problem =
        value.isEmpty()
            ? Optional.of(FieldError.invalid("", "", "must not be empty"))
            : problem(value);
    return showsValue() ? problem : problem.map(FieldRule::withoutValue);
  }

  /**
   * Whether the rule's errors show the value: only for the resource's identity and metadata. The
   * rules of the storage's fields never do, since a credential pasted into the wrong field is what
   * they refuse (so neither does a Bean Validation message of {@link Satisfies}).
   */
  private boolean showsValue() {
    return this == API_VERSION
        || this == KIND
        || this == DNS1123_SUBDOMAIN
        || this == DNS1123_LABEL;
  }

  private static FieldError withoutValue(FieldError e) {
    return new FieldError(e.path(), e.type(), Optional.empty(), e.detail(), e.location());
  }

  /**
   * Whether a value is acceptable.
   *
   * @param value the value, not null
   * @return true when {@link #check(String)} finds no problem
   */
  public boolean accepts(String value) {
    return check(value).isEmpty();
  }

  abstract Optional<FieldError> problem(String value);

  /**
   * The value with anything that might be secret hidden: {@code http://me:secret@host} becomes
   * {@code http://***}, {@code http://host/?key=x} becomes {@code http://host/?***}.
   *
   * @param value any string
   * @return the string, safe to print
   */
  public static String redactUserInfo(String value) {
    return Endpoint.redact(value);
  }

  private static Optional<FieldError> invalid(String value, String detail) {
    return Optional.of(FieldError.invalid("", value, detail));
  }

  private static Optional<FieldError> exactly(String value, String expected) {
    if (value.equals(expected)) {
      return Optional.empty();
    }
    return Optional.of(
        FieldError.of(
            "", FieldError.Type.UNSUPPORTED, value, "supported values: \"" + expected + "\""));
  }

  private static boolean onlyChars(String value, String allowed) {
    for (int i = 0; i < value.length(); i++) {
      if (allowed.indexOf(value.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the value matches {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} (by hand: validation runs on
   * every store, and a regex allocates a matcher per call).
   */
  static boolean isLabel(String value) {
    return isLabel(value, 0, value.length());
  }

  private static boolean isLabel(String value, int from, int to) {
    if (to <= from || !isLowerAlnum(value.charAt(from)) || !isLowerAlnum(value.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = value.charAt(i);
      if (!(isLowerAlnum(c) || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the value matches {@code
   * [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*}: dot-separated labels.
   */
  static boolean isSubdomain(String value) {
    int start = 0;
    for (int i = 0; i <= value.length(); i++) {
      if (i == value.length() || value.charAt(i) == '.') {
        if (!isLabel(value, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /** Whether the value matches {@code [0-9]+\.[0-9]+\.[0-9]+\.[0-9]+}. */
  static boolean isIpv4Shape(String value) {
    int dots = 0;
    int digits = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && digits > 0 && dots < 3) {
        dots++;
        digits = 0;
      } else {
        return false;
      }
    }
    return dots == 3 && digits > 0;
  }

  private static boolean alnumEnds(String value) {
    return isLowerAlnum(value.charAt(0)) && isLowerAlnum(value.charAt(value.length() - 1));
  }

  private static boolean isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean longDotPart(String value) {
    int start = 0;
    for (int i = 0; i <= value.length(); i++) {
      if (i == value.length() || value.charAt(i) == '.') {
        if (i - start > 63) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
