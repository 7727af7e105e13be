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
import static dev.lattice.backup.testing.cluster.TestCluster.VELERO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.ConnectProxy;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.junit.MinioServer;
import dev.lattice.backup.junit.TestCa;
import dev.lattice.backup.junit.Velero;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.TenantSecrets;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A private S3-compatible store over TLS: a real MinIO serving HTTPS under a throw-away CA, a real
 * Velero with its AWS plugin, and the CA in the store's credentials Secret ({@code ca.crt}), which
 * the library copies and names in {@code objectStorage.caCertRef}. Velero, not the test, decides
 * whether the certificate is trusted; Velero is never restarted.
 */
@ControlPlaneTest
class TlsVeleroIT {
  private static final String HOST = "minio-tls.minio-system.svc";
  private static final String STORE = "private-minio";
  private static final String SECRET = "private-minio-creds";
  private static final String BUCKET = "private-backups";
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String APP = "tls-it-app";
  private static final String LARGE = "tls-it-large";
  private static final java.util.List<String> markers = new java.util.ArrayList<>();

  private static ControlPlane cluster;
  private static KubernetesClient admin;
  private static TestCa ca;
  private static TestCa otherCa;
  private static MinioServer minio;
  private static ConnectProxy proxy;
  private static Velero velero;
  private static VeleroSteps steps;

  private RealCluster.Running controller;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cluster = controlPlane;
    admin = cluster.admin();
    ca = TestCa.create("lattice-private-test-ca");
    otherCa = TestCa.create("lattice-other-test-ca");
    minio = MinioServer.startTls(ca, HOST);
    proxy = ConnectProxy.start();
    minio.routeThrough(proxy, HOST, 443);
    velero = Velero.builder(cluster).environment("HTTPS_PROXY", proxy.url()).start();
    steps = new VeleroSteps(cluster, () -> velero);
    cluster.ensureNamespace(APP);
    // Random bytes, base64: gzip cannot shrink them, so the tarball exceeds the 5 MiB part size.
    markers.addAll(steps.randomConfigMaps(LARGE, 8, 700 * 1024));
  }

  @AfterAll
  static void stop() {
    VeleroSteps.closeAll(velero, proxy, minio);
  }

  @BeforeEach
  void setUp() {
    steps.cleanSlate();
    minio.createBucket(BUCKET);
    // Velero's verdicts arrive as BSL updates, which wake the controller; it rereads the Secret
    // on every pass, so a changed ca.crt is copied on the next one.
    controller = RealCluster.start(cluster, b -> b.credentialsTtl(Duration.ZERO));
  }

  @AfterEach
  void tearDown() {
    controller.close();
  }

  private static void credentials(Optional<String> caPem) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("cloud", minio.credentialsFile());
    caPem.ifPresent(pem -> data.put("ca.crt", pem));
    TenantSecrets.put(admin, PLATFORM, SECRET, data);
  }

  private static void privateStore() {
    TestCluster.store(
        admin,
        PLATFORM,
        STORE,
        false,
        "provider: s3Compatible\n"
            + "s3: {bucket: "
            + BUCKET
            + ", endpoint: \"https://"
            + HOST
            + "\", forcePathStyle: true}\n"
            + "credentialsSecretRef: "
            + SECRET
            + "\n");
  }

  private static String veleroMessage() {
    return String.valueOf(steps.veleroStatus(STORE).get("message"));
  }

  private static void awaitVelero(String phase, String contains) {
    TestCluster.await(
        "Velero to mark the location "
            + phase
            + " ("
            + steps.veleroStatus(STORE)
            + "; Velero log:\n"
            + steps.tail()
            + ")",
        TIMEOUT,
        () ->
            phase.equals(steps.veleroStatus(STORE).get("phase"))
                && veleroMessage().contains(contains));
  }

  @SuppressWarnings("unchecked")
  private static Optional<Object> caCertRef() {
    GenericKubernetesResource bsl = Lookups.bslOf(admin, PLATFORM, STORE).orElseThrow();
    Map<String, Object> storage =
        (Map<String, Object>) TestCluster.section(bsl, "spec").get("objectStorage");
    return Optional.ofNullable(storage.get("caCertRef"));
  }

  /** When the controller last applied the location (its managedFields entry). */
  private static String ourApply(GenericKubernetesResource bsl) {
    return bsl.getMetadata().getManagedFields().stream()
        .filter(m -> "lattice-backup".equals(m.getManager()) && "Apply".equals(m.getOperation()))
        .map(m -> m.getTime())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theCaInTheCredentialsSecretIsTrustedAndAChangeOfItReachesVeleroWithoutARestart() {
    // The wrong CA first: Velero checks the certificate against it and refuses.
    credentials(Optional.of(otherCa.certificatePem()));
    privateStore();
    steps.awaitPhase(STORE, "Failed");
    awaitVelero("Unavailable", "certificate signed by unknown authority");
    String bsl = steps.bslName(STORE);
    assertThat(caCertRef()).contains(Map.of("name", bsl + "-credentials", "key", "ca.crt"));
    Object spec = TestCluster.section(Lookups.bslOf(admin, PLATFORM, STORE).orElseThrow(), "spec");
    assertThat(String.valueOf(spec))
        .doesNotContain("insecureSkipTLSVerify")
        .doesNotContain("caCert=");
    assertThat(steps.message(STORE))
        .contains("x509")
        .doesNotContain(MinioServer.SECRET_KEY)
        .doesNotContain("BEGIN CERTIFICATE");

    // The right CA, in the same Secret: only the Secret changes, not the location's spec.
    // (Velero's BSL has no status subresource, so its status updates move the generation: the
    // spec and our last apply are what must stay.)
    GenericKubernetesResource before = Lookups.bslOf(admin, PLATFORM, STORE).orElseThrow();
    credentials(Optional.of(ca.certificatePem()));
    steps.awaitPhase(STORE, "Ready");
    assertThat(steps.veleroStatus(STORE)).containsEntry("phase", "Available");
    GenericKubernetesResource after = Lookups.bslOf(admin, PLATFORM, STORE).orElseThrow();
    assertThat(TestCluster.section(after, "spec")).isEqualTo(TestCluster.section(before, "spec"));
    assertThat(ourApply(after)).as("the controller's last apply").isEqualTo(ourApply(before));
    assertThat(velero.isRunning()).isTrue();
    steps.backup("over-tls", APP, Optional.of(bsl));
    assertThat(minio.objects(BUCKET))
        .contains(steps.prefixOf(STORE) + "backups/over-tls/velero-backup.json");
    // Over HTTPS the plugin's CRC32 checksum travels as a trailer (aws-chunked); a backup above
    // the uploader's part size goes up in parts. Both must arrive intact.
    steps.backup("large-over-tls", LARGE, Optional.of(bsl));
    String tarball = steps.prefixOf(STORE) + "backups/large-over-tls/large-over-tls.tar.gz";
    byte[] gz = minio.object(BUCKET, tarball);
    assertThat(gz.length).isGreaterThan(5 * 1024 * 1024);
    assertThat(minio.etag(BUCKET, tarball)).as("a multipart upload's ETag").matches(".*-\\d+");
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      String content = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(markers).allSatisfy(m -> assertThat(content).contains(m));
    } catch (java.io.IOException e) {
      throw new AssertionError("the tarball does not decompress: " + e, e);
    }

    // No CA at all: the system's roots do not know this CA.
    credentials(Optional.empty());
    awaitVelero("Unavailable", "certificate signed by unknown authority");
    assertThat(caCertRef()).isEmpty();
    steps.awaitPhase(STORE, "Failed");
    assertThat(steps.message(STORE)).doesNotContain(MinioServer.SECRET_KEY);
    assertThat(velero.isRunning()).isTrue();
  }

  @Test
  void aBundleThatIsNotCertificatesFailsTheStoreAndVeleroKeepsWhatItHad() {
    credentials(Optional.of(ca.certificatePem()));
    privateStore();
    steps.awaitPhase(STORE, "Ready");

    credentials(
        Optional.of(
            ca.certificatePem()
                + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));
    TestCluster.await(
        "the store to refuse the bundle",
        TIMEOUT,
        () -> steps.message(STORE).contains("key \"ca.crt\" block 2 is a PRIVATE KEY"));
    assertThat(steps.message(STORE))
        .isEqualTo(
            "Secret "
                + PLATFORM
                + "/"
                + SECRET
                + " key \"ca.crt\" block 2 is a PRIVATE KEY, not CERTIFICATE; nothing was applied");
    assertThat(steps.veleroStatus(STORE)).containsEntry("phase", "Available");
    assertThat(
            admin
                .secrets()
                .inNamespace(VELERO)
                .withName(steps.bslName(STORE) + "-credentials")
                .get())
        .satisfies(s -> assertThat(s.getData()).containsKeys("cloud", "ca.crt"));
  }

  @Test
  void revokedCredentialsLeaveNoCopyAndVeleroMarksTheLocationUnavailable() {
    credentials(Optional.of(ca.certificatePem()));
    privateStore();
    steps.awaitPhase(STORE, "Ready");
    String copy = steps.bslName(STORE) + "-credentials";

    admin.secrets().inNamespace(PLATFORM).withName(SECRET).delete();

    TestCluster.await(
        "the copy to go",
        TIMEOUT,
        () -> admin.secrets().inNamespace(VELERO).withName(copy).get() == null);
    // Velero reads the CA first, then the credentials: either way the copy is missing.
    awaitVelero("Unavailable", "unable to get key for secret: Secret \"" + copy + "\" not found");
    assertThat(Lookups.bslOf(admin, PLATFORM, STORE)).isPresent();
    steps.awaitPhase(STORE, "Failed");
    assertThat(steps.message(STORE))
        .isEqualTo(
            "Secret "
                + PLATFORM
                + "/"
                + SECRET
                + " does not exist; no copy of its credentials is kept in Velero's namespace");
    assertThat(veleroMessage()).doesNotContain(MinioServer.SECRET_KEY);

    credentials(Optional.of(ca.certificatePem()));
    steps.awaitPhase(STORE, "Ready");
  }
}
