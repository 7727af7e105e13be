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
package dev.lattice.backup.fabric8.real;

import static dev.lattice.backup.testing.cluster.TestCluster.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.ConnectProxy;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.junit.MinioServer;
import dev.lattice.backup.junit.Velero;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's S3-compatible example ({@code examples/minio-store.yaml}) against a real MinIO over
 * plain HTTP, reached under the example's endpoint host ({@code minio.minio-system.svc:9000})
 * through a forwarding proxy (Velero's {@code HTTP_PROXY}), with a real Velero and its AWS plugin.
 * The library emits no {@code checksumAlgorithm}, so the plugin asks for CRC32 checksums, and a
 * backup above the uploader's 5 MiB part size goes up in parts: both must arrive intact.
 */
@ControlPlaneTest
class MinioVeleroIT {
  private static final String BUCKET = "backups";
  private static final String SMALL = "minio-it-small";
  private static final String LARGE = "minio-it-large";
  private static final int LARGE_CONFIG_MAPS = 8;
  private static final String ENDPOINT_HOST = "minio.minio-system.svc";

  private static ControlPlane cluster;
  private static KubernetesClient admin;
  private static MinioServer minio;
  private static ConnectProxy proxy;
  private static Velero velero;
  private static VeleroSteps steps;
  private static final List<String> markers = new ArrayList<>();

  private RealCluster.Running controller;

  @BeforeAll
  static void startVelero(ControlPlane controlPlane) {
    cluster = controlPlane;
    admin = cluster.admin();
    minio = MinioServer.start();
    proxy = ConnectProxy.start();
    minio.routeThrough(proxy, ENDPOINT_HOST, 9000);
    velero = Velero.builder(cluster).environment("HTTP_PROXY", proxy.url()).start();
    steps = new VeleroSteps(cluster, () -> velero);
    // Base64 of 48 and of 900 KiB * 3/4 random bytes: 64 and 900 KiB of text in each ConfigMap.
    markers.addAll(steps.randomConfigMaps(SMALL, 1, 64 * 3 / 4));
    // gzip cannot shrink random bytes below ~75%, so the tarball is > 5 MiB.
    markers.addAll(steps.randomConfigMaps(LARGE, LARGE_CONFIG_MAPS, 900 * 1024 * 3 / 4));
  }

  @AfterAll
  static void stopVelero() {
    VeleroSteps.closeAll(velero, proxy, minio);
  }

  @BeforeEach
  void setUp() {
    steps.cleanSlate();
    TestCluster.secret(admin, PLATFORM, "minio-creds", minio.credentialsFile());
    minio.createBucket(BUCKET);
    controller = RealCluster.start(cluster, b -> b);
  }

  @AfterEach
  void tearDown() {
    controller.close();
  }

  @Test
  void theMinioExampleIsReadyAndSmallAndMultipartBackupsArriveIntactWithoutChecksumAlgorithm()
      throws IOException {
    steps.applyExample("minio-store.yaml");
    steps.awaitPhase("local-minio", "Ready");
    assertThat(steps.veleroStatus("local-minio")).containsEntry("phase", "Available");
    Map<String, Object> config =
        TestCluster.section(Lookups.bslOf(admin, PLATFORM, "local-minio").orElseThrow(), "spec");
    assertThat(String.valueOf(config.get("config")))
        .as("the library emits no checksumAlgorithm")
        .doesNotContain("checksumAlgorithm");
    String bsl = steps.bslName("local-minio");
    String prefix = steps.prefixOf("local-minio");

    steps.backup("small", SMALL, Optional.of(bsl));
    steps.backup("large", LARGE, Optional.of(bsl));

    String small = prefix + "backups/small/small.tar.gz";
    String large = prefix + "backups/large/large.tar.gz";
    assertThat(minio.objects(BUCKET))
        .contains(small, large, prefix + "backups/large/velero-backup.json");
    assertThat(gunzip(minio.object(BUCKET, small))).contains(markers.get(0));
    byte[] largeTarball = minio.object(BUCKET, large);
    assertThat(largeTarball.length).as("large tarball bytes").isGreaterThan(5 * 1024 * 1024);
    assertThat(minio.etag(BUCKET, large)).as("a multipart upload's ETag").matches(".*-\\d+");
    String content = gunzip(largeTarball);
    for (String marker : markers.subList(1, markers.size())) {
      assertThat(content).contains(marker);
    }
    // What the AWS plugin sent: CRC32 checksums, on single and multipart uploads alike.
    List<String> puts =
        proxy.forwardedRequests().stream().filter(h -> h.startsWith("PUT ")).toList();
    assertThat(puts)
        .as("PUTs of parts, carrying CRC32")
        .anyMatch(
            h -> h.contains("uploadId=") && h.toLowerCase().contains("x-amz-checksum-crc32:"));
    assertThat(puts)
        .as("single PUTs, carrying CRC32")
        .anyMatch(
            h -> !h.contains("uploadId=") && h.toLowerCase().contains("x-amz-checksum-crc32:"));
  }

  @Test
  void aWrongSecretKeyIsUnavailableWithMiniosAnswerAndNoSecret() {
    String wrong =
        "[default]\naws_access_key_id="
            + MinioServer.ACCESS_KEY
            + "\naws_secret_access_key=not-the-minio-s3cret\n";
    TestCluster.secret(admin, PLATFORM, "minio-creds", wrong);
    steps.applyExample("minio-store.yaml");

    steps.awaitPhase("local-minio", "Failed");
    assertThat(steps.message("local-minio"))
        .contains("Unavailable")
        .contains("SignatureDoesNotMatch")
        .doesNotContain("not-the-minio-s3cret")
        .doesNotContain(MinioServer.SECRET_KEY);

    TestCluster.secret(admin, PLATFORM, "minio-creds", minio.credentialsFile());
    steps.awaitPhase("local-minio", "Ready");
  }

  /** The whole gzip stream, decompressed (it fails on a truncated or corrupted stream). */
  private static String gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
