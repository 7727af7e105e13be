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

import static dev.lattice.backup.testing.cluster.TestCluster.VELERO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.TenantSecrets;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The credentials' lifetime and CA bundles on a real API server, with the controller as in
 * production (the restricted ServiceAccount, its caches): a tenant's copy in Velero's namespace
 * follows its source Secret, dies with it, and carries a {@code ca.crt} into the location's {@code
 * caCertRef}. The controller resyncs every second and rereads credentials every time, so "the next
 * pass" comes quickly; Velero's own verdict on such locations is {@code TlsVeleroIT}'s.
 */
@ControlPlaneTest
class CredentialsLifetimeIT {
  private static final String TENANT = "team-a";
  private static final String STORE = "team-a-gcs";
  private static final String CA = testCa();

  private ControlPlane cluster;
  private KubernetesClient admin;
  private RealCluster.Running controller;

  private static String testCa() {
    try (InputStream in =
        CredentialsLifetimeIT.class.getResourceAsStream("/dev/lattice/backup/fabric8/ca.pem")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException | NullPointerException e) {
      throw new AssertionError("no test CA", e);
    }
  }

  @BeforeEach
  void setUp(ControlPlane controlPlane) {
    cluster = controlPlane;
    admin = cluster.admin();
    TestCluster.cleanSlate(admin);
    cluster.ensureNamespace(TENANT);
    TenantSecrets.grantReader(admin, TENANT);
    controller =
        RealCluster.start(
            cluster, b -> b.resync(Duration.ofSeconds(1)).credentialsTtl(Duration.ZERO));
  }

  @AfterEach
  void tearDown() {
    controller.close();
    admin.secrets().inNamespace(TENANT).delete();
  }

  private void source(String name, Map<String, String> data) {
    TenantSecrets.put(admin, TENANT, name, data);
  }

  private void store(String secret) {
    TestCluster.store(
        admin,
        TENANT,
        STORE,
        false,
        "provider: gcs\ngcs: {bucket: team-a-backups}\ncredentialsSecretRef: " + secret + "\n");
  }

  private GenericKubernetesResource bsl() {
    return Lookups.bslOf(admin, TENANT, STORE).orElseThrow();
  }

  private String mirrorName() {
    return bsl().getMetadata().getName() + "-credentials";
  }

  private Optional<Map<String, String>> mirror(String name) {
    Secret s = admin.secrets().inNamespace(VELERO).withName(name).get();
    if (s == null) {
      return Optional.empty();
    }
    Map<String, String> decoded = new LinkedHashMap<>();
    s.getData()
        .forEach(
            (k, v) ->
                decoded.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    return Optional.of(decoded);
  }

  /** Every value of every Secret in Velero's namespace, decoded, as one text. */
  private String allVeleroSecrets() {
    StringBuilder all = new StringBuilder();
    for (Secret s : admin.secrets().inNamespace(VELERO).list().getItems()) {
      if (s.getData() != null) {
        s.getData()
            .values()
            .forEach(
                v -> all.append(new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
      }
    }
    return all.toString();
  }

  @SuppressWarnings("unchecked")
  private Optional<Object> caCertRef() {
    Object storage = TestCluster.section(bsl(), "spec").get("objectStorage");
    return Optional.ofNullable(((Map<String, Object>) storage).get("caCertRef"));
  }

  /** The store's {@code status.message}, which is its Ready condition's message when not Ready. */
  private String ready() {
    return Lookups.getStore(admin, TENANT, STORE)
        .map(s -> String.valueOf(TestCluster.section(s, "status").get("message")))
        .orElse("");
  }

  @Test
  void theCopyAndItsCaFollowTheSourceAndDieWithIt() {
    source("gcs-key", Map.of("cloud", "first-secret-value", "ca.crt", CA));
    store("gcs-key");
    TestCluster.await(
        "the copy with its CA, and caCertRef",
        () ->
            Lookups.bslOf(admin, TENANT, STORE).isPresent()
                && mirror(mirrorName())
                    .equals(Optional.of(Map.of("ca.crt", CA, "cloud", "first-secret-value")))
                && caCertRef().isPresent());
    String copy = mirrorName();
    assertThat(caCertRef()).contains(Map.of("name", copy, "key", "ca.crt"));
    assertThat(TestCluster.section(bsl(), "spec").toString())
        .doesNotContain("insecureSkipTLSVerify");

    // The CA leaves the source: it leaves the copy and the location.
    source("gcs-key", Map.of("cloud", "first-secret-value"));
    TestCluster.await(
        "the copy without its CA",
        () ->
            mirror(copy).equals(Optional.of(Map.of("cloud", "first-secret-value")))
                && caCertRef().isEmpty());

    // The source loses its key: the copy goes, the location stays, the store says why.
    source("gcs-key", Map.of("other", "x"));
    TestCluster.await("the copy to go", () -> mirror(copy).isEmpty());
    assertThat(allVeleroSecrets()).doesNotContain("first-secret-value");
    assertThat(Lookups.bslOf(admin, TENANT, STORE)).isPresent();
    TestCluster.await(
        "the store to say why",
        () -> ready().contains("Secret team-a/gcs-key has no key \"cloud\""));
    assertThat(Lookups.phase(admin, TENANT, STORE)).isEqualTo("Failed");

    // Back, then deleted.
    source("gcs-key", Map.of("cloud", "second-secret-value"));
    TestCluster.await("the copy back", () -> mirror(copy).isPresent());
    admin.secrets().inNamespace(TENANT).withName("gcs-key").delete();
    TestCluster.await("the copy to go again", () -> mirror(copy).isEmpty());
    assertThat(allVeleroSecrets()).doesNotContain("second-secret-value");
    TestCluster.await(
        "the store to say the Secret is gone",
        () -> ready().contains("Secret team-a/gcs-key does not exist"));
    assertThat(Lookups.bslOf(admin, TENANT, STORE)).isPresent();
  }

  @Test
  void switchingSecretsLeavesNoCopyOfTheOldKey() {
    source("gcs-key", Map.of("cloud", "old-secret-value"));
    source("gcs-key-2", Map.of("cloud", "new-secret-value"));
    store("gcs-key");
    TestCluster.await(
        "the first copy",
        () -> Lookups.bslOf(admin, TENANT, STORE).isPresent() && mirror(mirrorName()).isPresent());
    String copy = mirrorName();

    RealCluster.editStorage(
        admin,
        TENANT,
        STORE,
        "provider: gcs\ngcs:\n  bucket: team-a-backups\ncredentialsSecretRef: gcs-key-2\n");
    TestCluster.await(
        "the copy of the new Secret",
        () -> mirror(copy).equals(Optional.of(Map.of("cloud", "new-secret-value"))));
    assertThat(allVeleroSecrets()).doesNotContain("old-secret-value");
  }

  @Test
  void anInvalidBundleFailsTheStoreNamingSecretAndKeyAndLeavesTheCopyAlone() {
    source("gcs-key", Map.of("cloud", "kept-value", "ca.crt", CA));
    store("gcs-key");
    TestCluster.await(
        "the copy",
        () -> Lookups.bslOf(admin, TENANT, STORE).isPresent() && caCertRef().isPresent());
    String copy = mirrorName();

    source("gcs-key", Map.of("cloud", "changed-value", "ca.crt", "SENSITIVE-NOT-PEM"));
    TestCluster.await(
        "the store to refuse the bundle",
        () ->
            ready()
                .equals(
                    "Secret team-a/gcs-key key \"ca.crt\" holds no PEM CERTIFICATE block; nothing"
                        + " was applied"));
    assertThat(Lookups.phase(admin, TENANT, STORE)).isEqualTo("Failed");
    assertThat(mirror(copy)).contains(Map.of("cloud", "kept-value", "ca.crt", CA));
    assertThat(Lookups.getStore(admin, TENANT, STORE).map(s -> s.toString()).orElseThrow())
        .doesNotContain("SENSITIVE-NOT-PEM");
  }
}
