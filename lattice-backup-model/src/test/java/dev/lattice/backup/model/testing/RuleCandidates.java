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
package dev.lattice.backup.model.testing;

import dev.lattice.backup.model.arbitraries.EndpointArbitraries;
import dev.lattice.backup.model.arbitraries.ModelArbitraries;
import dev.lattice.backup.model.validation.internal.FieldRule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Strings to try against a field's rule, valid and invalid alike: the CRD agreement property and
 * the real API server's admission property both use them.
 */
public final class RuleCandidates {
  private RuleCandidates() {}

  /** Valid values, valid values with one character changed, and strings near the rules' edges. */
  public static Arbitrary<String> candidates(FieldRule rule) {
    Arbitrary<String> valid =
        switch (rule) {
          case S3_BUCKET -> ModelArbitraries.s3Bucket();
          case S3_REGION -> ModelArbitraries.region();
          case S3_ENDPOINT -> ModelArbitraries.endpoint();
          case GCS_BUCKET -> ModelArbitraries.gcsBucket();
          case AZURE_CONTAINER -> ModelArbitraries.azureContainer();
          case AZURE_STORAGE_ACCOUNT -> ModelArbitraries.storageAccount();
          case DNS1123_LABEL -> ModelArbitraries.dnsLabel(63);
          default -> ModelArbitraries.dnsSubdomain(253);
        };
    Arbitrary<String> edited =
        Combinators.combine(
                valid,
                Arbitraries.integers().between(0, 1000),
                Arbitraries.of('A', '0', '-', '.', '_', ':', '/', '@', '?', '#', ' ', '\n', 'é'),
                Arbitraries.of(0, 1, 2))
            .as(
                (v, at, c, how) -> {
                  int i = v.isEmpty() ? 0 : at % (v.length() + 1);
                  return switch (how) {
                    case 0 -> v.substring(0, i) + c + v.substring(i);
                    case 1 -> i < v.length() ? v.substring(0, i) + c + v.substring(i + 1) : v + c;
                    default -> i < v.length() ? v.substring(0, i) + v.substring(i + 1) : v;
                  };
                });
    Arbitrary<String> prefixes =
        Arbitraries.of(
            "", "", "xn--", "xn-", "x", "goog", "goo", "googl", "google", "-", ".", "a", "0",
            "http://");
    Arbitrary<String> middles = Arbitraries.of("", "", "google", "googl", "oogle", ".");
    Arbitrary<String> suffixes =
        Arbitraries.of(
            "",
            "",
            "-s3alias",
            "s3alias",
            "-s3alia",
            "--ol-s3",
            "-ol-s3",
            "--ol-s",
            "-",
            ".",
            "z",
            "9");
    Arbitrary<String> fragment = Arbitraries.strings().withChars("ab0-._").ofMaxLength(12);
    Arbitrary<String> edges =
        Arbitraries.oneOf(
            Combinators.combine(prefixes, fragment, middles, fragment, suffixes)
                .as((p, f, m, g, x) -> p + f + m + g + x),
            Combinators.combine(prefixes, valid, middles, valid, suffixes)
                .as((p, f, m, g, x) -> p + f + m + g + x),
            Combinators.combine(prefixes, valid, suffixes).as((p, v, x) -> p + v + x));
    Arbitrary<String> small = Arbitraries.strings().withChars("az09-._").ofMaxLength(70);
    Arbitrary<String> ipLike = Arbitraries.strings().withChars("0129.").ofMaxLength(16);
    Arbitrary<String> long_ =
        Arbitraries.strings().withChars("ab-.").ofMinLength(55).ofMaxLength(260);
    Arbitrary<String> urls =
        Combinators.combine(
                Arbitraries.of("http://", "https://", "HTTPS://", "ftp://", "", "http:", "http:/"),
                Arbitraries.of("host", "minio:9000", "me:pw@host", "[::1]:9000", "", "a b", "h_st"),
                Arbitraries.of("", "/", "/s3", "?q=1", "#f", "/a@b", "/?", " "))
            .as((a, b, c) -> a + b + c);
    // Near the endpoint length limit, at and around 2048.
    Arbitrary<String> longUrls =
        Arbitraries.of(2047, 2048, 2049)
            .map(n -> "http://host/" + "a".repeat(n - "http://host/".length()));
    Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(12);
    Arbitrary<String> hostile =
        Arbitraries.oneOf(
            EndpointArbitraries.url(EndpointArbitraries.forbiddenHost()),
            EndpointArbitraries.url(EndpointArbitraries.ordinaryHost()));
    // Lengths at and around every limit of the rules, and dot-separated parts at and around 63.
    Arbitrary<String> sized =
        Arbitraries.of(1, 2, 3, 4, 23, 24, 25, 62, 63, 64, 221, 222, 223, 252, 253, 254)
            .flatMap(n -> Arbitraries.strings().withChars("a0").ofLength(n));
    Arbitrary<String> parts =
        Arbitraries.of(1, 63, 64)
            .flatMap(n -> Arbitraries.strings().withChars("a0").ofLength(n))
            .list()
            .ofMinSize(2)
            .ofMaxSize(5)
            .map(l -> String.join(".", l));
    // Long dotted names at and around 222 and 253 characters.
    Arbitrary<String> dotted =
        Combinators.combine(
                Arbitraries.of(221, 222, 223, 252, 253, 254), Arbitraries.integers().between(1, 63))
            .as(
                (n, part) -> {
                  StringBuilder b = new StringBuilder();
                  while (b.length() < n) {
                    b.append(b.length() % (part + 1) == part ? '.' : 'a');
                  }
                  return b.charAt(n - 1) == '.' ? b.substring(0, n - 1) + "a" : b.toString();
                });
    return Arbitraries.frequencyOf(
        Tuple.of(3, valid),
        Tuple.of(4, edited),
        Tuple.of(5, edges),
        Tuple.of(2, small),
        Tuple.of(1, ipLike),
        Tuple.of(1, long_),
        Tuple.of(rule == FieldRule.S3_ENDPOINT ? 3 : 1, urls),
        Tuple.of(rule == FieldRule.S3_ENDPOINT ? 8 : 0, hostile),
        Tuple.of(rule == FieldRule.S3_ENDPOINT ? 1 : 0, longUrls),
        Tuple.of(1, anything),
        Tuple.of(3, sized),
        Tuple.of(4, parts),
        Tuple.of(2, dotted));
  }
}
