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
import java.util.Set;

/**
 * The kinds of host no endpoint may name, whoever owns the store: Velero runs inside the cluster's
 * network holding the platform's credentials, and none of these hosts serves an object store. The
 * BackupStore CRD's own rules refuse the same hosts (IPv6 literals by their leading groups).
 */
public enum SpecialUse {
  /** {@code 127.0.0.0/8}, {@code ::1}, {@code localhost} and names under it: Velero's own pod. */
  LOOPBACK("is a loopback address: it would reach Velero's own pod"),
  /** {@code 169.254.0.0/16}, {@code fe80::/10}: the node's link-local network. */
  LINK_LOCAL("is a link-local address: it would reach the node's own network"),
  /** {@code 0.0.0.0/8} and {@code ::}: the unspecified address, which reaches the host itself. */
  UNSPECIFIED("is the unspecified address (or this network): it would reach the host itself"),
  /**
   * A cloud's instance metadata service: {@code 169.254.169.254}, {@code 100.100.100.200}, {@code
   * 168.63.129.16}, {@code 192.0.0.192}, {@code fd00:ec2::/32}, {@code fd20:ce::/32}, and the names
   * {@code metadata}, {@code instance-data}, those names under {@code .internal} (such as {@code
   * metadata.google.internal}), {@code metadata.goog} and {@code metadata.azure.com}.
   */
  METADATA("is a cloud metadata service, which hands out the node's credentials"),
  /** {@code 224.0.0.0/4}, {@code ff00::/8}. */
  MULTICAST("is a multicast address"),
  /** {@code 240.0.0.0/4} (with the broadcast address) and the rest of {@code 0000::/8}. */
  RESERVED("is a reserved address"),
  /**
   * An IPv6 spelling of an IPv4 address: IPv4-mapped ({@code ::ffff:0:0/96}), IPv4-compatible
   * ({@code ::/96}) or NAT64 ({@code 64:ff9b::/32}); write the IPv4 address itself.
   */
  IPV4_IN_IPV6(
      "is an IPv4 address written as IPv6 (mapped, compatible or NAT64): write it as IPv4");

  private static final Set<String> METADATA_NAMES = Set.of("metadata.goog", "metadata.azure.com");

  private final String detail;

  SpecialUse(String detail) {
    this.detail = detail;
  }

  /**
   * What is wrong with such a host, as the end of a sentence starting with the host.
   *
   * @return the detail
   */
  public String detail() {
    return detail;
  }

  static Optional<SpecialUse> ofIpv4(int bits) {
    int a = bits >>> 24;
    int b = bits >>> 16 & 0xff;
    SpecialUse use = null;
    if (bits == 0xa9fea9fe // 169.254.169.254
        || bits == 0x646464c8 // 100.100.100.200 (Alibaba Cloud)
        || bits == 0xa83f8110 // 168.63.129.16 (Azure)
        || bits == 0xc00000c0) { // 192.0.0.192 (Oracle Cloud)
      use = METADATA;
    } else if (a == 0) {
      use = UNSPECIFIED;
    } else if (a == 127) {
      use = LOOPBACK;
    } else if (a == 169 && b == 254) {
      use = LINK_LOCAL;
    } else if (a >= 224 && a <= 239) {
      use = MULTICAST;
    } else if (a >= 240) {
      use = RESERVED;
    }
    return Optional.ofNullable(use);
  }

  static Optional<SpecialUse> ofIpv6(Host.Ipv6 address) {
    int g0 = address.group(0);
    int g1 = address.group(1);
    SpecialUse use = null;
    if ((g0 == 0xfd00 && g1 == 0x0ec2) || (g0 == 0xfd20 && g1 == 0x00ce)) {
      use = METADATA;
    } else if (g0 == 0x0064 && g1 == 0xff9b) {
      use = IPV4_IN_IPV6;
    } else if (g0 < 0x100) {
      use = ofReservedBlock(address);
    } else if ((g0 & 0xffc0) == 0xfe80) {
      use = LINK_LOCAL;
    } else if ((g0 & 0xff00) == 0xff00) {
      use = MULTICAST;
    }
    return Optional.ofNullable(use);
  }

  /** Classifies an address of {@code 0000::/8}. */
  private static SpecialUse ofReservedBlock(Host.Ipv6 address) {
    if (address.high() == 0 && address.low() == 0) {
      return UNSPECIFIED;
    }
    if (address.high() == 0 && address.low() == 1) {
      return LOOPBACK;
    }
    long top = address.low() >>> 32;
    if (address.high() == 0 && (top == 0 || top == 0xffffL)) {
      return IPV4_IN_IPV6;
    }
    return RESERVED;
  }

  static boolean isMetadataName(String name) {
    if (METADATA_NAMES.contains(name)) {
      return true;
    }
    int dot = name.indexOf('.');
    String first = dot < 0 ? name : name.substring(0, dot);
    if (!first.equals("metadata") && !first.equals("instance-data")) {
      return false;
    }
    return dot < 0 || name.endsWith(".internal");
  }
}
