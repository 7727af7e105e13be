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
package dev.lattice.backup.testing.cluster;

import static dev.lattice.backup.testing.cluster.TestCluster.PLATFORM;
import static dev.lattice.backup.testing.cluster.TestCluster.VELERO;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shortcuts' requests, against fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class TestClusterMockServerTest {
  KubernetesMockServer server;
  KubernetesClient client;

  @BeforeEach
  void registerTheCustomResources() {
    server.expectCustomResource(TestCluster.BACKUP_STORES);
    server.expectCustomResource(TestCluster.BACKUP_STORAGE_LOCATIONS);
  }

  /** A BSL in Velero's namespace, labelled for the store (no labels when {@code ns} is null). */
  private GenericKubernetesResource bsl(String name, String ns, String store) {
    GenericKubernetesResource b = new GenericKubernetesResource();
    b.setApiVersion("velero.io/v1");
    b.setKind("BackupStorageLocation");
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(name).withNamespace(VELERO);
    if (ns != null) {
      meta.withLabels(
          Map.of("lattice.dev/backup-store-namespace", ns, "lattice.dev/backup-store-name", store));
    }
    b.setMetadata(meta.build());
    b.setAdditionalProperty("spec", Map.of("default", false));
    return client
        .genericKubernetesResources(TestCluster.BACKUP_STORAGE_LOCATIONS)
        .inNamespace(VELERO)
        .resource(b)
        .create();
  }

  /** A Secret without data, as any other owner might leave one. */
  private void plainSecret(String ns, String name, Map<String, String> labels) {
    Secret s = new Secret();
    s.setMetadata(new ObjectMetaBuilder().withName(name).withLabels(labels).build());
    client.secrets().inNamespace(ns).resource(s).create();
  }

  @Test
  void aSecretIsCreatedThenReplacedWithItsValueUnderKeyCloud() {
    TestCluster.secret(client, "team-a", "creds", "first");
    TestCluster.secret(client, "team-a", "creds", "second");

    Secret s = client.secrets().inNamespace("team-a").withName("creds").get();
    assertThat(s.getData())
        .containsExactly(
            Map.entry(
                "cloud",
                Base64.getEncoder().encodeToString("second".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aStoreIsCreatedReadPatchedAndDeleted() {
    GenericKubernetesResource created =
        TestCluster.store(client, PLATFORM, "prod", true, TestCluster.s3("b"));
    assertThat(created.getMetadata().getName()).isEqualTo("prod");
    assertThat(Lookups.getStore(client, PLATFORM, "prod"))
        .hasValueSatisfying(
            s -> assertThat(TestCluster.section(s, "spec")).containsEntry("default", true));
    assertThat(Lookups.stores(client)).hasSize(1);

    TestCluster.patchStore(client, PLATFORM, "prod", "{\"spec\":{\"default\":false}}");
    assertThat(TestCluster.section(Lookups.getStore(client, PLATFORM, "prod").get(), "spec"))
        .containsEntry("default", false);

    TestCluster.deleteStore(client, PLATFORM, "prod");
    assertThat(Lookups.getStore(client, PLATFORM, "prod")).isEmpty();
    assertThat(Lookups.stores(client)).isEmpty();
  }

  @Test
  void aStoreInAnotherNamespaceIsNotThePlatforms() {
    TestCluster.store(client, "team-a", "theirs", false, TestCluster.minio("b"));

    assertThat(Lookups.getStore(client, "team-a", "theirs")).isPresent();
    assertThat(Lookups.stores(client)).isEmpty();
  }

  @Test
  void bslsAndMirroredSecretsAreFoundByTheLabelsThatNameTheirStore() {
    bsl("lattice-other", "team-a", "other");
    bsl("lattice-prod", "team-a", "prod");
    bsl("foreign", null, null);
    plainSecret(
        VELERO,
        "mirror",
        Map.of(
            "lattice.dev/backup-store-namespace",
            "team-a",
            "lattice.dev/backup-store-name",
            "prod"));
    plainSecret(VELERO, "unlabelled", Map.of());

    assertThat(Lookups.bsls(client)).hasSize(3);
    assertThat(Lookups.bslOf(client, "team-a", "prod"))
        .hasValueSatisfying(b -> assertThat(b.getMetadata().getName()).isEqualTo("lattice-prod"));
    assertThat(Lookups.bslOf(client, "team-b", "prod")).isEmpty();
    assertThat(Lookups.hasMirroredSecret(client, "team-a", "prod")).isTrue();
    assertThat(Lookups.hasMirroredSecret(client, "team-a", "other")).isFalse();
  }

  @Test
  void veleroMarksTheBslsPhaseAndLeavesItsSpec() {
    bsl("lattice-prod", "team-a", "prod");

    TestCluster.veleroMarks(client, "lattice-prod", "Available");

    GenericKubernetesResource b = Lookups.bslOf(client, "team-a", "prod").orElseThrow();
    assertThat(TestCluster.section(b, "status")).containsEntry("phase", "Available");
    assertThat(Lookups.isDefault(b)).isFalse();
  }

  @Test
  void aStoresPhaseAndConditionsAreReadFromItsStatus() {
    TestCluster.store(client, PLATFORM, "ready", true, TestCluster.s3("a"));
    TestCluster.store(client, PLATFORM, "fresh", false, TestCluster.s3("b"));
    TestCluster.patchStore(
        client,
        PLATFORM,
        "ready",
        "{\"status\":{\"phase\":\"Ready\",\"conditions\":[{\"type\":\"Default\",\"status\":\"True\"}]}}");

    assertThat(Lookups.phase(client, PLATFORM, "ready")).isEqualTo("Ready");
    assertThat(Lookups.phase(client, PLATFORM, "fresh")).isEqualTo("null");
    assertThat(Lookups.phase(client, PLATFORM, "missing")).isEmpty();
    assertThat(Lookups.condition(client, PLATFORM, "ready", "Default")).isEqualTo("True");
    assertThat(Lookups.condition(client, PLATFORM, "fresh", "Default")).isEmpty();
    assertThat(Lookups.readyStores(client)).isEqualTo(1);
  }

  @Test
  void aCleanSlateLeavesNoStoreNoBslAndNoSecretInVelerosNamespace() {
    TestCluster.store(
        client, PLATFORM, "held", false, TestCluster.s3("a"), List.of("lattice.dev/backup-store"));
    TestCluster.store(client, "team-a", "theirs", false, TestCluster.minio("b"));
    bsl("lattice-held", PLATFORM, "held");
    bsl("foreign", null, null);
    plainSecret(VELERO, "anything", Map.of());
    plainSecret(PLATFORM, "creds", Map.of());

    TestCluster.cleanSlate(client);

    assertThat(
            client
                .genericKubernetesResources(TestCluster.BACKUP_STORES)
                .inAnyNamespace()
                .list()
                .getItems())
        .isEmpty();
    assertThat(Lookups.bsls(client)).isEmpty();
    assertThat(client.secrets().inNamespace(VELERO).list().getItems()).isEmpty();
    assertThat(client.secrets().inNamespace(PLATFORM).withName("creds").get()).isNotNull();
  }
}
