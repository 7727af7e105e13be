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
package dev.lattice.backup.testing.arbitraries;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Endpoints a hostile tenant would try: the addresses no store may name (loopback, link-local,
 * unspecified, cloud metadata, multicast, reserved) in every notation resolvers read (dotted,
 * integer, octal, hexadecimal, short forms, trailing dots), IPv6 in every spelling (leading zeros,
 * upper case, any compression, a dotted tail), IPv4 wrapped in IPv6 (mapped, compatible, NAT64),
 * the names of loopback and metadata services, and ordinary hosts for contrast.
 */
public final class EndpointArbitraries {
  private EndpointArbitraries() {}

  /** A forbidden IPv4 address, as 32 bits. */
  public static Arbitrary<Integer> forbiddenIpv4() {
    Arbitrary<Integer> any = Arbitraries.integers().between(0, 0xffffff);
    return Arbitraries.oneOf(
        any.map(x -> x), // 0.0.0.0/8
        any.map(x -> 127 << 24 | x),
        Arbitraries.integers().between(0, 0xffff).map(x -> 0xa9fe0000 | x), // 169.254/16
        Arbitraries.of(0xa9fea9fe, 0x646464c8, 0xa83f8110, 0xc00000c0), // metadata
        Arbitraries.integers().between(0xe0000000, 0xffffffff)); // 224/3
  }

  /** An ordinary public IPv4 address (1-126, 128-168, 170-223 first octet; no metadata). */
  public static Arbitrary<Integer> ordinaryIpv4() {
    return Combinators.combine(
            Arbitraries.integers()
                .between(1, 223)
                .filter(a -> a != 127 && a != 169 && a != 100 && a != 168 && a != 192),
            Arbitraries.integers().between(0, 0xffffff))
        .as((a, rest) -> a << 24 | rest);
  }

  /** An IPv4 address in one of the notations resolvers accept. */
  public static Arbitrary<String> ipv4Notation(int bits) {
    long u = bits & 0xffffffffL;
    int a = (int) (u >>> 24);
    int b = (int) (u >>> 16 & 0xff);
    int c = (int) (u >>> 8 & 0xff);
    int d = (int) (u & 0xff);
    List<String> forms = new ArrayList<>();
    forms.add(a + "." + b + "." + c + "." + d);
    forms.add(Long.toString(u));
    forms.add("0x" + Long.toHexString(u));
    forms.add("0X" + Long.toHexString(u).toUpperCase(Locale.ROOT));
    forms.add("0" + Long.toOctalString(u));
    forms.add(oct(a) + "." + oct(b) + "." + oct(c) + "." + oct(d));
    forms.add("0x" + Integer.toHexString(a) + ".0x" + Integer.toHexString(b) + "." + c + "." + d);
    forms.add(a + "." + (u & 0xffffff));
    forms.add(a + "." + b + "." + (u & 0xffff));
    forms.add(String.format(Locale.ROOT, "%03d.%03d.%03d.%03d", a, b, c, d));
    forms.add(a + "." + b + "." + c + "." + d + ".");
    forms.add(Long.toString(u) + ".");
    return Arbitraries.of(forms);
  }

  private static String oct(int octet) {
    return "0" + Integer.toOctalString(octet);
  }

  /** A forbidden IPv6 address, as eight groups. */
  public static Arbitrary<int[]> forbiddenIpv6() {
    Arbitrary<Integer> group = Arbitraries.integers().between(0, 0xffff);
    Arbitrary<int[]> embeddedV4 =
        Combinators.combine(
                Arbitraries.of(0, 1, 2), Arbitraries.oneOf(forbiddenIpv4(), ordinaryIpv4()))
            .as(
                (kind, v4) ->
                    switch (kind) {
                      case 0 -> groups(0, 0, 0, 0, 0, 0xffff, v4 >>> 16, v4 & 0xffff); // mapped
                      case 1 -> groups(0, 0, 0, 0, 0, 0, v4 >>> 16, v4 & 0xffff); // compatible
                      default -> groups(0x64, 0xff9b, 0, 0, 0, 0, v4 >>> 16, v4 & 0xffff);
                    });
    return Arbitraries.oneOf(
        Arbitraries.just(groups(0, 0, 0, 0, 0, 0, 0, 0)),
        Arbitraries.just(groups(0, 0, 0, 0, 0, 0, 0, 1)),
        embeddedV4,
        group.list().ofSize(7).map(l -> withFirst(0xfe80 | (l.get(0) & 0x3f), l)),
        group.list().ofSize(7).map(l -> withFirst(0xff00 | (l.get(0) & 0xff), l)),
        group.list().ofSize(7).map(l -> withFirst(l.get(0) & 0xff, l)), // 0000::/8
        group.list().ofSize(6).map(l -> withTwo(0xfd00, 0x0ec2, l)),
        group.list().ofSize(6).map(l -> withTwo(0xfd20, 0x00ce, l)),
        group.list().ofSize(6).map(l -> withTwo(0x0064, 0xff9b, l)),
        Arbitraries.just(groups(0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x254)),
        Arbitraries.just(groups(0xfd20, 0x00ce, 0, 0, 0, 0, 0, 0x254)));
  }

  /** An ordinary IPv6 address (global unicast or unique local, outside the cloud ranges). */
  public static Arbitrary<int[]> ordinaryIpv6() {
    return Combinators.combine(
            Arbitraries.of(0x2001, 0x2600, 0x2a05, 0xfd12, 0x3fff),
            Arbitraries.integers().between(0, 0xffff).list().ofSize(7))
        .as(
            (first, rest) -> {
              int[] g = new int[8];
              g[0] = first;
              for (int i = 0; i < 7; i++) {
                g[i + 1] = rest.get(i) % 3 == 0 ? 0 : rest.get(i);
              }
              return g;
            });
  }

  private static int[] groups(int... g) {
    return g;
  }

  private static int[] withFirst(int first, List<Integer> rest) {
    int[] g = new int[8];
    g[0] = first;
    for (int i = 1; i < 8; i++) {
      g[i] = rest.get(i - 1) % 4 == 0 ? 0 : rest.get(i - 1);
    }
    return g;
  }

  private static int[] withTwo(int first, int second, List<Integer> rest) {
    int[] g = new int[8];
    g[0] = first;
    g[1] = second;
    for (int i = 2; i < 8; i++) {
      g[i] = rest.get(i - 2) % 2 == 0 ? 0 : rest.get(i - 2);
    }
    return g;
  }

  /**
   * An IPv6 address (without brackets) in any RFC 4291 spelling: each group with 0 to 3 extra
   * leading zeros, upper or lower case, one run of zero groups (any run, even of one group)
   * compressed or not, and the last 32 bits as a dotted quad or not.
   */
  public static Arbitrary<String> ipv6Spelling(int[] g) {
    return Combinators.combine(
            Arbitraries.integers().between(0, 3).list().ofSize(8),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 7),
            Arbitraries.integers().between(1, 8))
        .as(
            (pad, upper, dotted, from, length) -> {
              String[] text = new String[8];
              for (int i = 0; i < 8; i++) {
                String hex = Integer.toHexString(g[i]);
                hex = "0".repeat(Math.min(pad.get(i), 4 - hex.length())) + hex;
                text[i] = upper ? hex.toUpperCase(Locale.ROOT) : hex;
              }
              int groups = 8;
              String tail = "";
              if (dotted) {
                groups = 6;
                tail =
                    (g[6] >>> 8) + "." + (g[6] & 0xff) + "." + (g[7] >>> 8) + "." + (g[7] & 0xff);
              }
              int end = Math.min(from + length, groups);
              boolean zeros = from < groups;
              for (int i = from; i < end; i++) {
                zeros &= g[i] == 0;
              }
              StringBuilder out = new StringBuilder();
              if (zeros && end > from) {
                out.append(String.join(":", java.util.Arrays.copyOfRange(text, 0, from)));
                out.append("::");
                out.append(String.join(":", java.util.Arrays.copyOfRange(text, end, groups)));
                if (!tail.isEmpty()) {
                  if (end < groups) {
                    out.append(':');
                  }
                  out.append(tail);
                }
              } else {
                out.append(String.join(":", java.util.Arrays.copyOfRange(text, 0, groups)));
                if (!tail.isEmpty()) {
                  out.append(':').append(tail);
                }
              }
              return out.toString();
            });
  }

  /** A name no store may use, in upper or lower case, with or without a trailing dot. */
  public static Arbitrary<String> forbiddenName() {
    Arbitrary<String> base =
        Arbitraries.oneOf(
            Arbitraries.of(
                "localhost",
                "metadata",
                "metadata.google.internal",
                "metadata.goog",
                "metadata.azure.com",
                "instance-data",
                "instance-data.ec2.internal",
                "instance-data.us-west-2.compute.internal",
                "metadata.internal"),
            ModelArbitraries.dnsLabel(20).map(l -> l + ".localhost"));
    return Combinators.combine(base, Arbitraries.of(true, false), Arbitraries.of("", "."))
        .as((n, upper, dot) -> (upper ? n.toUpperCase(Locale.ROOT) : n) + dot);
  }

  /** A host no store may name, in one of its notations, as written in a URL. */
  public static Arbitrary<String> forbiddenHost() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, forbiddenIpv4().flatMap(EndpointArbitraries::ipv4Notation)),
        Tuple.of(
            4, forbiddenIpv6().flatMap(EndpointArbitraries::ipv6Spelling).map(h -> "[" + h + "]")),
        Tuple.of(2, forbiddenName()));
  }

  /** A host any store may name. */
  public static Arbitrary<String> ordinaryHost() {
    return Arbitraries.oneOf(
        ordinaryIpv4()
            .map(
                v ->
                    (v >>> 24)
                        + "."
                        + (v >>> 16 & 0xff)
                        + "."
                        + (v >>> 8 & 0xff)
                        + "."
                        + (v & 0xff)),
        ordinaryIpv6().flatMap(EndpointArbitraries::ipv6Spelling).map(h -> "[" + h + "]"),
        Combinators.combine(
                ModelArbitraries.dnsSubdomain(30), Arbitraries.of("com", "io", "example"))
            .as((n, tld) -> n + "." + tld));
  }

  /** {@code http[s]://HOST[:port][path]} with the scheme in any case. */
  public static Arbitrary<String> url(Arbitrary<String> host) {
    return Combinators.combine(
            Arbitraries.of("http://", "https://", "HTTP://", "Https://"),
            host,
            Arbitraries.of("", ":9000", ":443", ":80"),
            Arbitraries.of("", "/", "/s3", "/minio/api"))
        .as((s, h, p, path) -> s + h + p + path);
  }
}
