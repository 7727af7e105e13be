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

/**
 * A block of IP addresses in CIDR notation, such as {@code 10.0.0.0/8} or {@code fd00::/8}.
 *
 * @param base the first address of the block (an {@link Host.Ipv4} or {@link Host.Ipv6})
 * @param prefix the number of leading bits that every address of the block shares
 */
public record IpRange(Host base, int prefix) {
  /**
   * Checks the base is an address, the prefix fits it, and no bits are set beyond the prefix.
   *
   * @param base the first address
   * @param prefix the prefix length
   * @throws IllegalArgumentException when the range is not canonical
   */
  public IpRange {
    Objects.requireNonNull(base, "base");
    int width = width(base);
    if (prefix < 0 || prefix > width) {
      throw new IllegalArgumentException("prefix /" + prefix + " does not fit " + base.text());
    }
    if (!matches(base, base, prefix) || !masked(base, prefix)) {
      throw new IllegalArgumentException(
          base.text() + "/" + prefix + " has address bits set beyond the prefix");
    }
  }

  /**
   * Reads {@code ADDRESS/PREFIX} (or a single address, a block of one): a dotted quad, or an IPv6
   * address with or without brackets.
   *
   * @param text the range
   * @return the range, or empty when the text is not one
   */
  public static Optional<IpRange> parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    if (address.startsWith("[") && address.endsWith("]") && address.length() > 2) {
      address = address.substring(1, address.length() - 1);
    }
    Host base;
    if (address.indexOf(':') >= 0) {
      Optional<Host.Ipv6> v6 = Addresses.ipv6(address);
      if (v6.isEmpty()) {
        return Optional.empty();
      }
      base = v6.get();
    } else {
      Optional<Host.Ipv4> v4 = Addresses.dottedQuad(address);
      if (v4.isEmpty()) {
        return Optional.empty();
      }
      base = v4.get();
    }
    int prefix = width(base);
    if (slash >= 0) {
      String digits = text.substring(slash + 1);
      if (digits.isEmpty()
          || digits.length() > 3
          || (digits.length() > 1 && digits.charAt(0) == '0')) {
        return Optional.empty();
      }
      prefix = 0;
      for (int i = 0; i < digits.length(); i++) {
        char c = digits.charAt(i);
        if (c < '0' || c > '9') {
          return Optional.empty();
        }
        prefix = prefix * 10 + (c - '0');
      }
    }
    if (prefix > width(base) || !masked(base, prefix)) {
      return Optional.empty();
    }
    return Optional.of(new IpRange(base, prefix));
  }

  /**
   * Whether a host is an address of this block; a name never is.
   *
   * @param host the host
   * @return true when the host's address shares the prefix
   */
  public boolean contains(Host host) {
    return matches(base, host, prefix);
  }

  @Override
  public String toString() {
    String text = base.text();
    if (text.startsWith("[")) {
      text = text.substring(1, text.length() - 1);
    }
    return text + "/" + prefix;
  }

  private static int width(Host host) {
    if (host instanceof Host.Ipv4) {
      return 32;
    }
    if (host instanceof Host.Ipv6) {
      return 128;
    }
    throw new IllegalArgumentException("not an address: " + host.text());
  }

  private static boolean matches(Host base, Host host, int prefix) {
    if (base instanceof Host.Ipv4 b && host instanceof Host.Ipv4 h) {
      return prefix == 0 || (b.bits() ^ h.bits()) >>> (32 - prefix) == 0;
    }
    if (base instanceof Host.Ipv6 b && host instanceof Host.Ipv6 h) {
      return prefixEqual(b.high(), h.high(), Math.min(prefix, 64))
          && prefixEqual(b.low(), h.low(), Math.max(0, prefix - 64));
    }
    return false;
  }

  private static boolean prefixEqual(long a, long b, int bits) {
    return bits == 0 || (a ^ b) >>> (64 - bits) == 0;
  }

  /** Whether no bit beyond the prefix is set in the base. */
  private static boolean masked(Host base, int prefix) {
    if (base instanceof Host.Ipv4 b) {
      return prefix == 32 || b.bits() << prefix == 0;
    }
    Host.Ipv6 b = (Host.Ipv6) base;
    long high = prefix >= 64 ? 0 : b.high() << prefix;
    long low = prefix >= 128 ? 0 : prefix <= 64 ? b.low() : b.low() << (prefix - 64);
    return high == 0 && low == 0;
  }
}
