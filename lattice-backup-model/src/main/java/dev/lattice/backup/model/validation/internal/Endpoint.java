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

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * An S3 endpoint URL as this library accepts it, parsed by hand the way Go's {@code net/url} and
 * Java's {@code java.net.URI} split a URL ({@code scheme://authority/path}, the authority ending at
 * the first {@code /}), and refusing every text on which such parsers, or the resolvers behind
 * them, could disagree about the host:
 *
 * <ul>
 *   <li>no {@code @} anywhere (user information; a password in it would end up in Velero's BSL), no
 *       query, no fragment, no {@code %} in the authority (percent-encoded hosts, IPv6 zones);
 *   <li>the host is a DNS name of letters, digits and hyphens (one trailing dot allowed), an IPv4
 *       dotted quad of four decimal numbers without leading zeros, or an IPv6 address in brackets;
 *   <li>a host whose last label is a number ({@code 2130706433}, {@code 0x7f.1}, {@code
 *       0177.0.0.1}) is an address in a notation some resolvers read and others do not, and is
 *       refused unless it is a plain dotted quad;
 *   <li>no host of a {@link SpecialUse}: loopback, link-local, unspecified, cloud metadata,
 *       multicast, reserved, or IPv4 written as IPv6 — whatever its notation.
 * </ul>
 *
 * <p>Pure: nothing is resolved; a DNS name that resolves to an internal address is not detected.
 *
 * @param scheme {@code http} or {@code https}, lower case
 * @param host the host
 * @param port the port, when one is given
 * @param path the path, possibly empty, starting with {@code /} otherwise
 */
public record Endpoint(String scheme, Host host, OptionalInt port, String path) {

  /** The longest endpoint accepted, in characters (the CRD's {@code maxLength}). */
  public static final int MAX_LENGTH = 2048;

  /** The problem with a host name that is not a DNS name as Java's URI grammar has it. */
  static final String NAME_SYNTAX =
      "must name its host with letters, digits, '-' and '.' (labels of 1 to 63 characters, not"
          + " starting or ending with '-', the last starting with a letter; at most 253 in all)";

  /** What {@link #redact(String)} puts in place of what it hides. */
  public static final String HIDDEN = "***";

  /**
   * Checks nothing is null.
   *
   * @param scheme the scheme
   * @param host the host
   * @param port the port
   * @param path the path
   */
  public Endpoint {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(path, "path");
  }

  /**
   * Parses an endpoint that obeys every rule above.
   *
   * @param text the endpoint
   * @return the endpoint, or empty when the text breaks a rule (see {@link #problem(String)})
   */
  public static Optional<Endpoint> parse(String text) {
    Reading r = read(text);
    return r.problem == null ? Optional.ofNullable(r.endpoint) : Optional.empty();
  }

  /**
   * The first rule an endpoint breaks.
   *
   * @param text the endpoint
   * @return what is wrong, as the end of a sentence about the value; empty when it is acceptable
   */
  public static Optional<String> problem(String text) {
    return Optional.ofNullable(read(text).problem);
  }

  /**
   * The text with everything that might be secret hidden, safe to print in any message: when it
   * holds an {@code @} anywhere, nothing but an {@code http://} or {@code https://} prefix is kept
   * ({@code http://***}), since user information may hold any character, including {@code /},
   * {@code ?} and {@code #}; otherwise a query or fragment is hidden ({@code
   * http://host/path?***}). Total: any string gives a string.
   *
   * @param text any text
   * @return the text, safe to print
   */
  public static String redact(String text) {
    if (text.indexOf('@') >= 0) {
      return schemePrefix(text) + HIDDEN;
    }
    int cut = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '?' || c == '#') {
        cut = i;
        break;
      }
    }
    return cut < 0 ? text : text.substring(0, cut + 1) + HIDDEN;
  }

  /** {@code scheme://host[:port]path}, the host in its canonical form. */
  @Override
  public String toString() {
    return scheme + "://" + host.text() + (port.isPresent() ? ":" + port.getAsInt() : "") + path;
  }

  private static String schemePrefix(String text) {
    if (startsWithIgnoringAsciiCase(text, "https://")) {
      return text.substring(0, 8);
    }
    return startsWithIgnoringAsciiCase(text, "http://") ? text.substring(0, 7) : "";
  }

  /** Case-insensitive for ASCII letters only (no Unicode case folding: the Kelvin sign is no k). */
  static boolean startsWithIgnoringAsciiCase(String text, String prefix) {
    if (text.length() < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (asciiLower(text.charAt(i)) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  static String asciiLower(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      out.append(asciiLower(text.charAt(i)));
    }
    return out.toString();
  }

  /** The outcome of reading: an endpoint, or the first problem. */
  private record Reading(@Nullable Endpoint endpoint, @Nullable String problem) {
    static Reading refused(String problem) {
      return new Reading(null, problem);
    }
  }

  private static Reading read(String text) {
    if (text.isEmpty()) {
      return Reading.refused("must not be empty");
    }
    if (text.length() > MAX_LENGTH) {
      return Reading.refused("must be no more than " + MAX_LENGTH + " characters");
    }
    if (text.indexOf('@') >= 0) {
      return Reading.refused(
          "must not contain user information (an '@'): keep credentials in the Secret");
    }
    if (text.indexOf('?') >= 0 || text.indexOf('#') >= 0) {
      return Reading.refused("must not contain a query or a fragment");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        return Reading.refused("may contain only printable ASCII characters, without spaces");
      }
    }
    String scheme;
    if (startsWithIgnoringAsciiCase(text, "https://")) {
      scheme = "https";
    } else if (startsWithIgnoringAsciiCase(text, "http://")) {
      scheme = "http";
    } else {
      return Reading.refused("must be an absolute http or https URL");
    }
    String rest = text.substring(scheme.length() + 3);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    if (authority.isEmpty()) {
      return Reading.refused("must name a host (and optionally a port)");
    }
    if (authority.indexOf('%') >= 0) {
      return Reading.refused(
          "must not percent-encode the host or give an IPv6 zone: write the host plainly");
    }
    if (!Addresses.isPath(path)) {
      return Reading.refused(
          "must have a path of URL characters (RFC 3986), anything else percent-encoded");
    }
    String hostText;
    String portText = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return Reading.refused("must close the IPv6 address with ']'");
      }
      hostText = authority.substring(0, close + 1);
      String after = authority.substring(close + 1);
      if (!after.isEmpty()) {
        if (after.charAt(0) != ':') {
          return Reading.refused("must have only a port after the IPv6 address");
        }
        portText = after.substring(1);
      }
    } else {
      int colon = authority.lastIndexOf(':');
      hostText = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? null : authority.substring(colon + 1);
      if (hostText.indexOf(':') >= 0) {
        return Reading.refused("must put an IPv6 address in brackets, such as [2001:db8::1]");
      }
    }
    OptionalInt port = OptionalInt.empty();
    if (portText != null) {
      int value = port(portText);
      if (value < 0) {
        return Reading.refused(
            "must have a port from 1 to 65535 after the ':', without leading zeros");
      }
      port = OptionalInt.of(value);
    }
    if (hostText.isEmpty()) {
      return Reading.refused("must name a host (and optionally a port)");
    }
    Host host;
    if (hostText.startsWith("[")) {
      Optional<Host.Ipv6> v6 = Addresses.ipv6(hostText.substring(1, hostText.length() - 1));
      if (v6.isEmpty()) {
        return Reading.refused("must have a valid IPv6 address between the brackets");
      }
      host = v6.get();
    } else {
      String name = asciiLower(hostText);
      if (name.endsWith(".")) {
        name = name.substring(0, name.length() - 1);
      }
      String last = name.substring(name.lastIndexOf('.') + 1);
      if (Addresses.isNumericLabel(last)) {
        Optional<Host.Ipv4> v4 = Addresses.dottedQuad(hostText);
        if (v4.isEmpty()) {
          return Reading.refused(numericProblem(hostText));
        }
        host = v4.get();
      } else {
        if (!Addresses.isDnsName(name)) {
          return Reading.refused(NAME_SYNTAX);
        }
        host = new Host.Name(name);
      }
    }
    Optional<SpecialUse> use = host.specialUse();
    if (use.isPresent()) {
      return Reading.refused("host " + host.text() + " " + use.get().detail());
    }
    return new Reading(new Endpoint(scheme, host, port, path), null);
  }

  private static String numericProblem(String hostText) {
    String base =
        "must write a numeric host as a dotted-quad IPv4 address (four decimal numbers from 0 to"
            + " 255, no leading zeros)";
    Optional<Host.Ipv4> meant = Addresses.inetAton(hostText);
    if (meant.isEmpty()) {
      return base;
    }
    Host.Ipv4 v4 = meant.get();
    String reading = "; some resolvers read " + hostText + " as " + v4.text();
    return base + reading + v4.specialUse().map(u -> ", which " + u.detail()).orElse("");
  }

  /**
   * The port's value, or -1 when it is not a decimal number from 1 to 65535 written without leading
   * zeros (which a reader might take for octal).
   */
  private static int port(String text) {
    if (text.isEmpty() || text.length() > 5 || text.charAt(0) == '0') {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value >= 1 && value <= 65535 ? value : -1;
  }
}
