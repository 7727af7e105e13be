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

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.testing.arbitraries.EndpointArbitraries;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The endpoint parser reads the host as the parsers that matter do: Go's {@code net/url} and {@code
 * net/netip} (Velero and its plugins; answers recorded in {@code go-url-corpus.tsv} by {@code
 * src/test/go/urlcorpus}) and Java's {@link URI}. Wherever this library accepts an endpoint, both
 * see no user information, query or fragment, and the same host, address and port. Wherever Go
 * would hand a numeric host to the resolver as a name, the library refuses it.
 */
class EndpointParserAgreementTest {

  /** One line of the Go corpus. */
  record GoAnswer(
      String endpoint,
      boolean parsed,
      String hostname,
      String port,
      boolean user,
      boolean query,
      boolean fragment,
      String address) {}

  static List<GoAnswer> goCorpus() throws IOException {
    List<GoAnswer> out = new ArrayList<>();
    try (InputStream in =
        EndpointParserAgreementTest.class.getResourceAsStream(
            "/dev/lattice/backup/model/validation/go-url-corpus.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        String[] f = line.split("\t", -1);
        out.add(
            new GoAnswer(
                f[0],
                f[1].equals("ok"),
                f[2],
                f[3],
                Boolean.parseBoolean(f[4]),
                Boolean.parseBoolean(f[5]),
                Boolean.parseBoolean(f[6]),
                f[7]));
      }
    }
    return out;
  }

  private static String lastLabel(GoAnswer go) {
    String host = go.hostname();
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host.substring(host.lastIndexOf('.') + 1);
  }

  private static String withoutBrackets(String host) {
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  @Example
  void wheneverTheLibraryAcceptsGoSeesTheSameHostAndNoSecret() throws IOException {
    int accepted = 0;
    int numericNames = 0;
    for (GoAnswer go : goCorpus()) {
      Optional<Endpoint> ours = Endpoint.parse(go.endpoint());
      if (go.user() || go.query() || go.fragment()) {
        assertThat(ours).as(go.endpoint()).isEmpty();
      }
      if (go.parsed() && go.address().equals("-") && Addresses.isNumericLabel(lastLabel(go))) {
        // Go leaves such a host to the resolver, which may read it as an address
        assertThat(ours).as(go.endpoint()).isEmpty();
        numericNames++;
      }
      if (ours.isEmpty()) {
        continue;
      }
      accepted++;
      Endpoint e = ours.get();
      assertThat(go.parsed()).as(go.endpoint()).isTrue();
      String goHost = go.hostname().toLowerCase(java.util.Locale.ROOT);
      if (goHost.endsWith(".")) {
        goHost = goHost.substring(0, goHost.length() - 1);
      }
      assertThat(withoutBrackets(e.host().text()))
          .as(go.endpoint())
          .isEqualTo(go.address().equals("-") ? goHost : go.address());
      assertThat(e.host() instanceof Host.Name)
          .as(go.endpoint())
          .isEqualTo(go.address().equals("-"));
      assertThat(e.port().isPresent() ? Integer.toString(e.port().getAsInt()) : "-")
          .as(go.endpoint())
          .isEqualTo(go.port());
    }
    assertThat(accepted).as("accepted endpoints in the corpus").isGreaterThan(40);
    assertThat(numericNames).as("numeric names in the corpus").isGreaterThan(40);
  }

  @Provide
  Arbitrary<String> endpoints() {
    return Arbitraries.oneOf(
        EndpointArbitraries.url(EndpointArbitraries.ordinaryHost()),
        EndpointArbitraries.url(EndpointArbitraries.forbiddenHost()),
        Arbitraries.strings()
            .withChars("htps:/[]0123456789abcdefx.:@?#%-_AX")
            .ofMaxLength(30)
            .map(s -> "http://" + s));
  }

  @Property(tries = 3000)
  void wheneverTheLibraryAcceptsJavaSeesTheSameHostAndNoSecret(@ForAll("endpoints") String text) {
    Optional<Endpoint> ours = Endpoint.parse(text);
    Statistics.label("accepted").collect(ours.isPresent());
    if (ours.isEmpty()) {
      return;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new AssertionError(text + " is accepted but java.net.URI refuses it", e);
    }
    Endpoint e = ours.get();
    assertThat(uri.getRawUserInfo()).as(text).isNull();
    assertThat(uri.getRawQuery()).as(text).isNull();
    assertThat(uri.getRawFragment()).as(text).isNull();
    assertThat(uri.getHost()).as(text).isNotNull();
    String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (e.host() instanceof Host.Name name) {
      assertThat(host).as(text).isEqualTo(name.name());
    } else {
      Optional<Endpoint> again = Endpoint.parse("http://" + host);
      assertThat(again.map(Endpoint::host)).as(text).contains(e.host());
    }
    assertThat(uri.getPort()).as(text).isEqualTo(e.port().orElse(-1));
  }
}
