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
package dev.lattice.backup.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.testing.arbitraries.Secrets;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.TenantSecrets;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tenant stores that plant a password (a {@link Secrets#passwords()} sample) in their credentials
 * Secret and a token in their {@code spec.storage}, and fail in the ways that put a store's Secret
 * and values nearest to a message: a Secret that does not exist, a store refused by the trust
 * policy, a {@code ca.crt} that holds a private key; and one store that is accepted, so that the
 * password is copied into Velero's namespace. A controller's JSON log must then hold no piece of
 * the password, raw or base64, and not the token ({@link #assertNotIn(Path, KubernetesClient)}).
 */
final class PlantedSecrets {
  static final String TENANT = "team-a";
  private static final String KEY = "no-echo-key";
  private static final String BAD_CA_KEY = "no-echo-bad-ca";
  private static final List<String> STORES =
      List.of("no-echo-accepted", "no-echo-missing", "no-echo-refused", "no-echo-bad-ca");

  final String password = Secrets.passwords().sample();
  final String token =
      "q" + Long.toString(Double.doubleToLongBits(Math.random()) & Long.MAX_VALUE, 36) + "z";

  /**
   * Creates the Secrets and the stores.
   *
   * @param cluster the control plane
   */
  void plant(ControlPlane cluster) {
    KubernetesClient admin = cluster.admin();
    cluster.ensureNamespace(TENANT);
    // deploy/rbac.yaml's step 3 for the tenant: the controller may read its Secrets.
    TenantSecrets.grantReader(admin, TENANT);
    TenantSecrets.put(admin, TENANT, KEY, Map.of("cloud", password));
    TenantSecrets.put(
        admin,
        TENANT,
        BAD_CA_KEY,
        Map.of(
            "cloud",
            password,
            "ca.crt",
            "-----BEGIN PRIVATE KEY-----\n" + password + "\n-----END PRIVATE KEY-----\n"));
    TestCluster.store(admin, TENANT, STORES.get(0), false, s3(KEY));
    TestCluster.store(admin, TENANT, STORES.get(1), false, s3("no-echo-absent"));
    TestCluster.store(
        admin,
        TENANT,
        STORES.get(2),
        false,
        "provider: s3\ns3: {bucket: lbx-"
            + token
            + ", region: us-east-1}\ncloudProviderRef: aws\n");
    TestCluster.store(admin, TENANT, STORES.get(3), false, s3(BAD_CA_KEY));
  }

  /**
   * Waits until the controller has given every planted store a status, the accepted one its BSL and
   * its copy of the Secret, and the others {@code Failed}.
   *
   * @param admin a client
   */
  void awaitHandled(KubernetesClient admin) {
    TestCluster.await(
        "the planted stores are handled",
        Duration.ofSeconds(120),
        () ->
            Lookups.bslOf(admin, TENANT, STORES.get(0)).isPresent()
                && Lookups.hasMirroredSecret(admin, TENANT, STORES.get(0))
                && STORES.stream()
                    .skip(1)
                    .allMatch(s -> "Failed".equals(Lookups.phase(admin, TENANT, s))));
  }

  /**
   * Asserts that no line of a log, nor any planted store's status, holds a piece of the password,
   * its base64 form or the token; and that the log speaks of the planted stores (so that the search
   * is not empty).
   *
   * @param log the controller's log
   * @param admin a client, to read the stores' statuses
   * @throws IOException when the log cannot be read
   */
  void assertNotIn(Path log, KubernetesClient admin) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines).as("lines about the planted stores").anyMatch(l -> l.contains("no-echo-"));
    for (String line : lines) {
      assertThat(leak(line)).as("%s: %s", log, line).isEmpty();
    }
    for (String store : STORES) {
      String status =
          String.valueOf(
              Lookups.getStore(admin, TENANT, store)
                  .map(s -> TestCluster.section(s, "status"))
                  .orElseThrow());
      assertThat(leak(status)).as("status of %s: %s", store, status).isEmpty();
    }
  }

  /**
   * The first planted piece found in a text.
   *
   * @param text the text
   * @return the piece, or empty
   */
  Optional<String> leak(String text) {
    Optional<String> piece = Secrets.leak(text, password);
    if (piece.isPresent()) {
      return piece;
    }
    String base64 = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
    for (String whole : List.of(token, base64)) {
      if (text.contains(whole)) {
        return Optional.of(whole);
      }
    }
    return Optional.empty();
  }

  /**
   * Deletes the planted Secrets and the tenant's RoleBinding (the stores go with {@link
   * TestCluster#cleanSlate}).
   *
   * @param admin a client
   */
  static void remove(KubernetesClient admin) {
    admin.secrets().inNamespace(TENANT).withName(KEY).delete();
    admin.secrets().inNamespace(TENANT).withName(BAD_CA_KEY).delete();
    TenantSecrets.revokeReader(admin, TENANT);
  }

  private String s3(String secret) {
    return "provider: s3\ns3: {bucket: lbx-"
        + token
        + ", region: us-east-1}\ncredentialsSecretRef: "
        + secret
        + "\n";
  }
}
