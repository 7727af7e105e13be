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

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The host of an endpoint, as {@link Endpoint#parse(String)} read it: a DNS name, an IPv4 address
 * or an IPv6 address. Addresses are held as numbers, so that every notation of the same address is
 * the same value.
 */
public sealed interface Host {

  /**
   * Why no store, platform or tenant, may point Velero at this host, if it is such a host.
   *
   * @return the special use, or empty for an ordinary host
   */
  Optional<SpecialUse> specialUse();

  /**
   * The host as it appears in a URL: the name, the dotted quad, or the IPv6 address in brackets.
   *
   * @return the text
   */
  String text();

  /**
   * A DNS name: lower case, without a trailing dot, made of letters, digits and hyphens.
   *
   * @param name the name
   */
  record Name(String name) implements Host {
    /**
     * Checks the name is present.
     *
     * @param name the name
     */
    public Name {
      Objects.requireNonNull(name, "name");
    }

    /**
     * The labels of the name, from the left.
     *
     * @return the labels, unmodifiable
     */
    public List<String> labels() {
      return List.of(name.split("\\.", -1));
    }

    /**
     * Whether the name is {@code suffix} or ends with {@code "." + suffix}.
     *
     * @param suffix a name, lower case, without a leading or trailing dot
     * @return true when the name lies under the suffix
     */
    public boolean isUnder(String suffix) {
      return name.equals(suffix) || name.endsWith("." + suffix);
    }

    @Override
    public Optional<SpecialUse> specialUse() {
      if (isUnder("localhost")) {
        return Optional.of(SpecialUse.LOOPBACK);
      }
      return SpecialUse.isMetadataName(name) ? Optional.of(SpecialUse.METADATA) : Optional.empty();
    }

    @Override
    public String text() {
      return name;
    }
  }

  /**
   * An IPv4 address.
   *
   * @param bits the 32 bits of the address
   */
  record Ipv4(int bits) implements Host {
    /**
     * The address of a dotted quad.
     *
     * @param a the first octet
     * @param b the second octet
     * @param c the third octet
     * @param d the fourth octet
     * @return the address
     */
    public static Ipv4 of(int a, int b, int c, int d) {
      return new Ipv4((a & 0xff) << 24 | (b & 0xff) << 16 | (c & 0xff) << 8 | (d & 0xff));
    }

    @Override
    public Optional<SpecialUse> specialUse() {
      return SpecialUse.ofIpv4(bits);
    }

    @Override
    public String text() {
      return (bits >>> 24)
          + "."
          + (bits >>> 16 & 0xff)
          + "."
          + (bits >>> 8 & 0xff)
          + "."
          + (bits & 0xff);
    }
  }

  /**
   * An IPv6 address.
   *
   * @param high the first 64 bits
   * @param low the last 64 bits
   */
  record Ipv6(long high, long low) implements Host {
    /**
     * The 16-bit group at an index.
     *
     * @param index 0 to 7, from the left
     * @return the group's value
     */
    public int group(int index) {
      long half = index < 4 ? high : low;
      return (int) (half >>> (16 * (3 - index % 4)) & 0xffff);
    }

    @Override
    public Optional<SpecialUse> specialUse() {
      return SpecialUse.ofIpv6(this);
    }

    /** The RFC 5952 text in brackets: lower case, no leading zeros, the longest zero run as ::. */
    @Override
    public String text() {
      int bestStart = -1;
      int bestLength = 1;
      for (int i = 0; i < 8; ) {
        if (group(i) != 0) {
          i++;
          continue;
        }
        int j = i;
        while (j < 8 && group(j) == 0) {
          j++;
        }
        if (j - i > bestLength) {
          bestStart = i;
          bestLength = j - i;
        }
        i = j;
      }
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < 8; i++) {
        if (i == bestStart) {
          out.append("::");
          i += bestLength - 1;
          continue;
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) != ':') {
          out.append(':');
        }
        out.append(Integer.toHexString(group(i)).toLowerCase(Locale.ROOT));
      }
      return out.append(']').toString();
    }
  }
}
