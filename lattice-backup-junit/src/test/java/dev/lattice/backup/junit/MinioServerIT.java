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
package dev.lattice.backup.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * MinIO built from its Go module, over plain HTTP and over HTTPS under a private test CA: buckets,
 * listings and signed requests work, and a client that trusts another CA is refused the handshake.
 */
class MinioServerIT {
  @Test
  void overHttpABucketIsCreatedAndListedEmptyAndAWrongKeyIsRefused() throws IOException {
    try (MinioServer minio = MinioServer.start()) {
      assertThat(minio.tls()).isFalse();
      minio.createBucket("plain");
      minio.createBucket("plain"); // again: no error
      assertThat(minio.objects("plain")).isEmpty();
      S3Client wrong =
          new S3Client(
              "http://127.0.0.1:" + minio.port(),
              MinioServer.ACCESS_KEY,
              "not-the-secret",
              Optional.empty(),
              Optional.empty());
      assertThat(wrong.send("GET", "/plain", Map.of("list-type", "2")).statusCode()).isEqualTo(403);
    }
  }

  @Test
  void overHttpsItServesTheTestCasCertificateForItsHostName() throws IOException {
    TestCa ca = TestCa.create("lattice-private-test-ca");
    try (MinioServer minio = MinioServer.startTls(ca, "minio.lattice.test");
        ConnectProxy proxy = ConnectProxy.start()) {
      assertThat(minio.tls()).isTrue();
      minio.createBucket("secure");
      assertThat(minio.objects("secure")).isEmpty();

      minio.routeThrough(proxy, "minio.lattice.test", 443);
      S3Client strangerTrusting =
          new S3Client(
              "https://minio.lattice.test",
              MinioServer.ACCESS_KEY,
              MinioServer.SECRET_KEY,
              Optional.of(proxy.port()),
              Optional.of(TestCa.create("another-ca").trustingContext()));
      assertThatThrownBy(() -> strangerTrusting.send("GET", "/secure", Map.of()))
          .isInstanceOf(SSLHandshakeException.class);
      S3Client trusting =
          new S3Client(
              "https://minio.lattice.test",
              MinioServer.ACCESS_KEY,
              "not-the-secret",
              Optional.of(proxy.port()),
              Optional.of(ca.trustingContext()));
      assertThat(trusting.send("GET", "/secure", Map.of("list-type", "2")).statusCode())
          .as("a signature made with another secret")
          .isEqualTo(403);
    }
  }
}
