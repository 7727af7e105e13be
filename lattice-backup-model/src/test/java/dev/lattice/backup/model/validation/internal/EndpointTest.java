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

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The endpoint rules on a corpus of hostile endpoints, one notation per row, and on the ordinary
 * endpoints they must not catch. Each row names the words the refusal must contain.
 */
class EndpointTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // loopback, every IPv4 notation
        "http://127.0.0.1:9000 | loopback",
        "http://127.1 | some resolvers read 127.1 as 127.0.0.1, which is a loopback",
        "http://2130706433 | read 2130706433 as 127.0.0.1",
        "http://0x7f000001 | read 0x7f000001 as 127.0.0.1",
        "http://0X7F.1 | read 0X7F.1 as 127.0.0.1",
        "http://017700000001 | read 017700000001 as 127.0.0.1",
        "http://0177.0.0.01 | read 0177.0.0.01 as 127.0.0.1",
        "http://127.000.000.001 | read 127.000.000.001 as 127.0.0.1",
        "http://127.0.0.1. | read 127.0.0.1. as 127.0.0.1",
        "http://127.65535 | read 127.65535 as 127.0.255.255",
        "http://localhost:9000 | host localhost is a loopback",
        "http://LOCALHOST. | host localhost is a loopback",
        "http://minio.localhost/ | host minio.localhost is a loopback",
        "http://[::1]:9000 | host [::1] is a loopback",
        "http://[0:0:0:0:0:0:0:1] | host [::1] is a loopback",
        "http://[0000::0001] | host [::1] is a loopback",
        // unspecified
        "http://0.0.0.0 | unspecified",
        "http://0 | read 0 as 0.0.0.0, which is the unspecified",
        "http://0x0 | read 0x0 as 0.0.0.0",
        "http://[::] | host [::] is the unspecified",
        "http://[0::0] | host [::] is the unspecified",
        // link-local and metadata
        "http://169.254.169.254/latest/meta-data | host 169.254.169.254 is a cloud metadata",
        "http://2852039166 | read 2852039166 as 169.254.169.254, which is a cloud metadata",
        "http://0xa9fea9fe | read 0xa9fea9fe as 169.254.169.254",
        "http://0251.0376.0251.0376 | read 0251.0376.0251.0376 as 169.254.169.254",
        "http://169.254.43518 | read 169.254.43518 as 169.254.169.254",
        "http://169.254.0.1 | link-local",
        "http://[fe80::1] | link-local",
        "http://[FE80::1]:80 | link-local",
        "http://[fd00:ec2::254] | cloud metadata",
        "http://[fd00:0ec2:0:0:0:0:0:0254] | cloud metadata",
        "http://[fd20:ce::254] | cloud metadata",
        "http://100.100.100.200 | cloud metadata",
        "http://168.63.129.16 | cloud metadata",
        "http://192.0.0.192 | cloud metadata",
        "http://metadata.google.internal/computeMetadata/v1 | metadata.google.internal is a cloud",
        "http://METADATA.Google.Internal. | metadata.google.internal is a cloud",
        "http://metadata | host metadata is a cloud",
        "http://metadata.goog | cloud metadata",
        "http://metadata.azure.com | cloud metadata",
        "http://instance-data | cloud metadata",
        "http://instance-data.ec2.internal | cloud metadata",
        "http://instance-data.eu-west-1.compute.internal | cloud metadata",
        // IPv4 written as IPv6
        "http://[::ffff:127.0.0.1] | IPv4 address written as IPv6",
        "http://[::ffff:7f00:1] | IPv4 address written as IPv6",
        "http://[0:0:0:0:0:ffff:a9fe:a9fe] | IPv4 address written as IPv6",
        "http://[::FFFF:169.254.169.254] | IPv4 address written as IPv6",
        "http://[::127.0.0.1] | IPv4 address written as IPv6",
        "http://[64:ff9b::a9fe:a9fe] | IPv4 address written as IPv6",
        "http://[64:ff9b::169.254.169.254] | IPv4 address written as IPv6",
        "http://[0064:ff9b:0001::7f00:1] | IPv4 address written as IPv6",
        // multicast and reserved
        "http://224.0.0.1 | multicast",
        "http://255.255.255.255 | reserved",
        "http://[ff02::1] | multicast",
        "http://[1::] | reserved",
        "http://[ff::1] | reserved",
        // ambiguity and syntax
        "http://[fe80::1%25eth0] | must not percent-encode the host or give an IPv6 zone",
        "http://%6c%6f%63%61%6c%68%6f%73%74 | must not percent-encode",
        "http://1.2.3.04 | must write a numeric host as a dotted-quad",
        "http://foo.1 | must write a numeric host as a dotted-quad",
        "http://foo.0x10 | must write a numeric host as a dotted-quad",
        "http://256.1.1.1 | must write a numeric host as a dotted-quad",
        "http://::1/ | must put an IPv6 address in brackets",
        "http://[::1 | must close the IPv6 address",
        "http://[::1]x | must have only a port after the IPv6 address",
        "http://[1:2:3:4:5:6:7:8:9] | must have a valid IPv6 address",
        "http://[::ffff:127.0.0.01] | must have a valid IPv6 address",
        "http://host:0 | must have a port from 1 to 65535",
        "http://host: | must have a port from 1 to 65535",
        "http://host:65536 | must have a port from 1 to 65535",
        "http://host:080 | must have a port from 1 to 65535",
        "http://h_st | must name its host with letters",
        "http://-host.example | must name its host with letters",
        "http://host..example | must name its host with letters",
        "http://host.. | must name its host with letters",
        "http://. | must name its host with letters",
        "http://h.0h | the last starting with a letter",
        "http://\u212aube.example | may contain only printable ASCII",
        "http://host/a b | may contain only printable ASCII",
        "http://host/a{b} | must have a path of URL characters",
        "http://host/%zz | must have a path of URL characters",
        "httpſ://host | printable ASCII",
        "ftp://host | must be an absolute http or https URL",
        "http:/host | must be an absolute http or https URL",
        "//host | must be an absolute http or https URL",
        "http:// | must name a host",
        "http://:9000 | must name a host",
        "http://user@host | must not contain user information",
        "http://user:pass@host | must not contain user information",
        "http://host/p@th | must not contain user information",
        "http://host/?a=b | must not contain a query or a fragment",
        "http://host/#frag | must not contain a query or a fragment",
      })
  void refusesEveryHostileNotation(String endpoint, String words) {
    Optional<String> problem = Endpoint.problem(endpoint);

    assertThat(problem).as(endpoint).isPresent();
    assertThat(problem.get()).as(endpoint).contains(words);
    assertThat(Endpoint.parse(endpoint)).isEmpty();
    assertThat(FieldRule.S3_ENDPOINT.accepts(endpoint)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://minio.minio-system.svc:9000",
        "https://s3.eu-west-1.amazonaws.com",
        "HTTPS://S3.Example.COM./bucket-path",
        "http://10.0.0.5:9000",
        "http://192.168.1.20",
        "http://8.8.8.8",
        "http://1.2.3.4:65535/a/b%20c",
        "http://[2001:db8::1]:9000",
        "http://[2001:DB8:0:0:0:0:0:1]",
        "http://[2001:db8::1.2.3.4]",
        "http://[fd12:3456::5]",
        "http://metadata-proxy.example.com",
        "http://localhost.example.com",
        "http://169.254.example",
        "https://x",
      })
  void acceptsOrdinaryEndpoints(String endpoint) {
    assertThat(Endpoint.problem(endpoint)).as(endpoint).isEmpty();
    assertThat(Endpoint.parse(endpoint)).isPresent();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTP://S3.Example.COM.:9000/p | http | s3.example.com | 9000 | /p",
        "http://[2001:DB8:0:0:0:0:0:1] | http | [2001:db8::1] | -1 | ''",
        "https://10.0.0.5 | https | 10.0.0.5 | -1 | ''",
      })
  void parsesSchemeHostPortAndPath(
      String endpoint, String scheme, String host, int port, String path) {
    Endpoint e = Endpoint.parse(endpoint).orElseThrow();

    assertThat(e.scheme()).isEqualTo(scheme);
    assertThat(e.host().text()).isEqualTo(host);
    assertThat(e.port()).isEqualTo(port < 0 ? OptionalInt.empty() : OptionalInt.of(port));
    assertThat(e.path()).isEqualTo(path);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://me:s3cret@host | http://***",
        "HTTPS://me:p/ss#w?rd@host/x | HTTPS://***",
        "me:s3cret@host | ***",
        "http://host/p?key=s3cret | http://host/p?***",
        "http://host/p#s3cret | http://host/p#***",
        "http://host/p | http://host/p",
        "'' | ''",
      })
  void redactionHidesUserInformationQueriesAndFragments(String value, String shown) {
    assertThat(Endpoint.redact(value)).isEqualTo(shown);
    assertThat(FieldRule.redactUserInfo(value)).isEqualTo(shown);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10.0.0.0/8 | http://10.200.0.1 | true",
        "10.0.0.0/8 | http://11.0.0.1 | false",
        "192.168.1.7 | http://192.168.1.7 | true",
        "192.168.1.7 | http://192.168.1.8 | false",
        "0.0.0.0/0 | http://8.8.8.8 | true",
        "0.0.0.0/0 | http://[2001:db8::1] | false",
        "fd00::/8 | http://[fd12:3456::5] | true",
        "[fd00::]/8 | http://[fd12:3456::5] | true",
        "2001:db8::/127 | http://[2001:db8::1] | true",
        "2001:db8::/128 | http://[2001:db8::1] | false",
        "2001:db8::/32 | http://[2001:db9::1] | false",
        "::/0 | http://[2001:db8::1] | true",
        "10.0.0.0/8 | http://ten.example | false",
      })
  void rangesContainTheirAddressesOnly(String range, String endpoint, boolean contained) {
    IpRange r = IpRange.parse(range).orElseThrow();
    Host host = Endpoint.parse(endpoint).orElseThrow().host();

    assertThat(r.contains(host)).as(range + " " + endpoint).isEqualTo(contained);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.1/8",
        "10.0.0.0/33",
        "10.0.0.0/",
        "10.0.0.0/08",
        "010.0.0.0/8",
        "fd00::1/8",
        "::/129",
        "host/8",
        "",
        "/8",
        "10.0.0.0/x"
      })
  void rangesAreCanonical(String range) {
    assertThat(IpRange.parse(range)).as(range).isEmpty();
  }
}
