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

import java.util.Optional;

/**
 * Hand-written readers for the parts of a URL's host and path, each stricter than or equal to what
 * Go's and Java's parsers accept, and never ambiguous between them. Pure and allocation-light.
 */
final class Addresses {
  private Addresses() {}

  /** Whether a DNS label looks like a number to some resolver: digits, or 0x and hex digits. */
  static boolean isNumericLabel(String label) {
    if (label.isEmpty()) {
      return false;
    }
    int from = 0;
    if (label.length() >= 2 && label.charAt(0) == '0' && (label.charAt(1) | 0x20) == 'x') {
      from = 2;
      for (int i = from; i < label.length(); i++) {
        if (hex(label.charAt(i)) < 0) {
          return false;
        }
      }
      return true;
    }
    for (int i = from; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * A dotted quad of four decimal numbers from 0 to 255 without leading zeros, and nothing else (no
   * trailing dot): the one IPv4 notation every parser reads alike.
   */
  static Optional<Host.Ipv4> dottedQuad(String text) {
    int bits = 0;
    int part = 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i < text.length() && text.charAt(i) != '.') {
        continue;
      }
      int value = decimalOctet(text, start, i);
      if (value < 0 || part == 4) {
        return Optional.empty();
      }
      bits = bits << 8 | value;
      part++;
      start = i + 1;
    }
    return part == 4 ? Optional.of(new Host.Ipv4(bits)) : Optional.empty();
  }

  private static int decimalOctet(String text, int from, int to) {
    if (to <= from || to - from > 3 || (text.charAt(from) == '0' && to - from > 1)) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 255 ? value : -1;
  }

  /**
   * The address the C library's {@code inet_aton} (and the WHATWG URL standard, and curl) reads in
   * a host: one to four parts, each decimal, octal (leading {@code 0}) or hexadecimal ({@code 0x});
   * the last part fills the remaining bytes ({@code 127.1}, {@code 2130706433}). One trailing dot
   * is ignored. Used only to explain a refusal.
   */
  static Optional<Host.Ipv4> inetAton(String host) {
    String text = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String[] parts = text.split("\\.", -1);
    if (parts.length == 0 || parts.length > 4) {
      return Optional.empty();
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      long v = number(parts[i]);
      if (v < 0) {
        return Optional.empty();
      }
      values[i] = v;
    }
    long bits = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      if (values[i] > 255) {
        return Optional.empty();
      }
      bits |= values[i] << (8 * (3 - i));
    }
    long last = values[parts.length - 1];
    if (last >= 1L << (8 * (5 - parts.length))) {
      return Optional.empty();
    }
    return Optional.of(new Host.Ipv4((int) (bits | last)));
  }

  /** A part of an inet_aton address, or -1. */
  private static long number(String part) {
    if (part.isEmpty() || part.length() > 12) {
      return -1;
    }
    int radix = 10;
    int from = 0;
    if (part.length() >= 2 && part.charAt(0) == '0' && (part.charAt(1) | 0x20) == 'x') {
      radix = 16;
      from = 2;
    } else if (part.length() >= 2 && part.charAt(0) == '0') {
      radix = 8;
      from = 1;
    }
    long value = 0;
    for (int i = from; i < part.length(); i++) {
      int d = hex(part.charAt(i));
      if (d >= radix) {
        return -1;
      }
      if (d < 0) {
        return -1;
      }
      value = value * radix + d;
    }
    return value;
  }

  /**
   * An IPv6 address in RFC 4291 text form: eight groups of one to four hex digits, at most one
   * {@code ::} standing for one or more zero groups, and optionally the last two groups as a dotted
   * quad. No zone.
   */
  static Optional<Host.Ipv6> ipv6(String text) {
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    int n = text.length();
    if (text.startsWith("::")) {
      gap = 0;
      i = 2;
      if (n == 2) {
        return Optional.of(new Host.Ipv6(0, 0));
      }
    } else if (text.startsWith(":")) {
      return Optional.empty();
    }
    while (i < n) {
      if (count == 8) {
        return Optional.empty();
      }
      int end = i;
      while (end < n && text.charAt(end) != ':') {
        end++;
      }
      String token = text.substring(i, end);
      if (token.indexOf('.') >= 0) {
        if (end != n || count > 6) {
          return Optional.empty();
        }
        Optional<Host.Ipv4> v4 = dottedQuad(token);
        if (v4.isEmpty()) {
          return Optional.empty();
        }
        groups[count++] = v4.get().bits() >>> 16;
        groups[count++] = v4.get().bits() & 0xffff;
        i = end;
        break;
      }
      if (token.isEmpty() || token.length() > 4) {
        return Optional.empty();
      }
      int value = 0;
      for (int k = 0; k < token.length(); k++) {
        int d = hex(token.charAt(k));
        if (d < 0) {
          return Optional.empty();
        }
        value = value << 4 | d;
      }
      groups[count++] = value;
      if (end == n) {
        i = end;
        break;
      }
      // at a ':'
      if (end + 1 < n && text.charAt(end + 1) == ':') {
        if (gap >= 0) {
          return Optional.empty();
        }
        gap = count;
        i = end + 2;
        if (i == n) {
          break;
        }
      } else if (end + 1 == n) {
        return Optional.empty();
      } else {
        i = end + 1;
      }
    }
    if (gap < 0 && count != 8) {
      return Optional.empty();
    }
    if (gap >= 0 && count > 7) {
      return Optional.empty();
    }
    int[] full = new int[8];
    if (gap < 0) {
      full = groups;
    } else {
      int tail = count - gap;
      System.arraycopy(groups, 0, full, 0, gap);
      System.arraycopy(groups, gap, full, 8 - tail, tail);
    }
    long high = 0;
    long low = 0;
    for (int k = 0; k < 4; k++) {
      high = high << 16 | full[k];
      low = low << 16 | full[k + 4];
    }
    return Optional.of(new Host.Ipv6(high, low));
  }

  /**
   * Whether a host name (lower case, no trailing dot) is letters, digits and hyphens in labels of 1
   * to 63 characters that neither start nor end with a hyphen, at most 253 characters in all, the
   * last label starting with a letter (as {@code java.net.URI}'s grammar requires, and so that no
   * name looks like a number).
   */
  static boolean isDnsName(String name) {
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    int topLabel = name.lastIndexOf('.') + 1;
    if (topLabel == name.length() || name.charAt(topLabel) < 'a' || name.charAt(topLabel) > 'z') {
      return false;
    }
    int start = 0;
    for (int i = 0; i <= name.length(); i++) {
      if (i < name.length() && name.charAt(i) != '.') {
        char c = name.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
          return false;
        }
        continue;
      }
      int length = i - start;
      if (length < 1 || length > 63 || name.charAt(start) == '-' || name.charAt(i - 1) == '-') {
        return false;
      }
      start = i + 1;
    }
    return true;
  }

  /**
   * Whether a path is RFC 3986 path characters (unreserved, sub-delimiters, {@code :}, {@code /})
   * and percent escapes of two hex digits; {@code @} is refused with user information before.
   */
  static boolean isPath(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        continue;
      }
      if ("-._~!$&'()*+,;=:/".indexOf(c) >= 0) {
        continue;
      }
      if (c == '%'
          && i + 2 < path.length()
          && hex(path.charAt(i + 1)) >= 0
          && hex(path.charAt(i + 2)) >= 0) {
        i += 2;
        continue;
      }
      return false;
    }
    return true;
  }

  /** The value of an ASCII hex digit, or -1 (unlike {@link Character#digit}, no other scripts). */
  static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
