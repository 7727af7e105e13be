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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TestClusterTest {
  private static GenericKubernetesResource object(Map<String, String> labels) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setMetadata(new ObjectMetaBuilder().withName("o").withLabels(labels).build());
    return r;
  }

  @Test
  void aStoreIsReadFromItsYamlWithTheStorageSection() {
    GenericKubernetesResource s =
        TestCluster.storeResource("team-a", "prod", true, TestCluster.s3("bucket-1"), List.of());

    assertThat(s.getApiVersion()).isEqualTo("lattice.dev/v1alpha1");
    assertThat(s.getKind()).isEqualTo("BackupStore");
    assertThat(s.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(s.getMetadata().getName()).isEqualTo("prod");
    assertThat(s.getMetadata().getFinalizers()).isNullOrEmpty();
    Map<String, Object> spec = TestCluster.section(s, "spec");
    assertThat(spec).containsEntry("default", true);
    assertThat(spec.get("storage"))
        .isEqualTo(
            Map.of(
                "provider",
                "s3",
                "s3",
                Map.of("bucket", "bucket-1", "region", "us-east-1"),
                "cloudProviderRef",
                "aws-prod"));
  }

  @Test
  void anS3CompatibleStoreTakesItsCredentialsFromSecretCreds() {
    GenericKubernetesResource s =
        TestCluster.storeResource("p", "m", false, TestCluster.minio("backups"), List.of());

    assertThat(TestCluster.section(s, "spec")).containsEntry("default", false);
    assertThat(TestCluster.section(s, "spec").get("storage"))
        .isEqualTo(
            Map.of(
                "provider",
                "s3Compatible",
                "s3",
                Map.of(
                    "bucket",
                    "backups",
                    "endpoint",
                    "http://minio.minio-system.svc:9000",
                    "forcePathStyle",
                    true),
                "credentialsSecretRef",
                "creds"));
  }

  @Test
  void aStoreCanCarryFinalizers() {
    GenericKubernetesResource s =
        TestCluster.storeResource(
            "p", "legacy", false, TestCluster.s3("b"), List.of("lattice.dev/backup-store", "x/y"));

    assertThat(s.getMetadata().getFinalizers()).containsExactly("lattice.dev/backup-store", "x/y");
  }

  @Test
  void aSectionIsEmptyWhenMissingOrNotAnObject() {
    GenericKubernetesResource r = object(Map.of());
    r.setAdditionalProperty("spec", Map.of("default", true));
    r.setAdditionalProperty("status", "not an object");

    assertThat(TestCluster.section(r, "spec")).isEqualTo(Map.of("default", true));
    assertThat(TestCluster.section(r, "status")).isEmpty();
    assertThat(TestCluster.section(r, "other")).isEmpty();
  }

  @Test
  void aBslIsTheDefaultOnlyWithSpecDefaultTrue() {
    GenericKubernetesResource on = object(Map.of());
    on.setAdditionalProperty("spec", Map.of("default", true));
    GenericKubernetesResource off = object(Map.of());
    off.setAdditionalProperty("spec", Map.of("default", false));

    assertThat(Lookups.isDefault(on)).isTrue();
    assertThat(Lookups.isDefault(off)).isFalse();
    assertThat(Lookups.isDefault(object(Map.of()))).isFalse();
  }

  @Test
  void anObjectIsForTheStoreBothItsLabelsName() {
    GenericKubernetesResource ours =
        object(
            Map.of(
                "lattice.dev/backup-store-namespace", "team-a",
                "lattice.dev/backup-store-name", "prod"));

    assertThat(Lookups.labelledFor(ours, "team-a", "prod")).isTrue();
    assertThat(Lookups.labelledFor(ours, "team-b", "prod")).isFalse();
    assertThat(Lookups.labelledFor(ours, "team-a", "other")).isFalse();
    assertThat(Lookups.labelledFor(object(Map.of()), "team-a", "prod")).isFalse();
    GenericKubernetesResource unlabelled = new GenericKubernetesResource();
    unlabelled.setMetadata(new ObjectMetaBuilder().withName("u").build());
    unlabelled.getMetadata().setLabels(null);
    assertThat(Lookups.labelledFor(unlabelled, "team-a", "prod")).isFalse();
  }

  @Test
  void aConditionsStatusIsFoundByItsType() {
    GenericKubernetesResource s = object(Map.of());
    s.setAdditionalProperty(
        "status",
        Map.of(
            "phase",
            "Ready",
            "conditions",
            List.of(
                Map.of("type", "Ready", "status", "True"),
                Map.of("type", "Default", "status", "False"))));

    assertThat(Lookups.condition(s, "Default")).isEqualTo("False");
    assertThat(Lookups.condition(s, "Ready")).isEqualTo("True");
    assertThat(Lookups.condition(s, "Other")).isEmpty();
    assertThat(Lookups.condition(object(Map.of()), "Ready")).isEmpty();
  }

  @Test
  void theResourceTypesAreTheCrds() {
    assertThat(TestCluster.BACKUP_STORES.getGroup()).isEqualTo("lattice.dev");
    assertThat(TestCluster.BACKUP_STORES.getVersion()).isEqualTo("v1alpha1");
    assertThat(TestCluster.BACKUP_STORES.getPlural()).isEqualTo("backupstores");
    assertThat(TestCluster.BACKUP_STORES.isNamespaceScoped()).isTrue();
    assertThat(TestCluster.BACKUP_STORAGE_LOCATIONS.getGroup()).isEqualTo("velero.io");
    assertThat(TestCluster.BACKUP_STORAGE_LOCATIONS.getVersion()).isEqualTo("v1");
    assertThat(TestCluster.BACKUP_STORAGE_LOCATIONS.getKind()).isEqualTo("BackupStorageLocation");
    assertThat(TestCluster.BACKUP_STORAGE_LOCATIONS.getPlural())
        .isEqualTo("backupstoragelocations");
    assertThat(TestCluster.BACKUP_STORAGE_LOCATIONS.isNamespaceScoped()).isTrue();
  }

  @Test
  void awaitReturnsOnceTheConditionHolds() {
    AtomicInteger polls = new AtomicInteger();

    TestCluster.await("the third poll", Duration.ofSeconds(10), () -> polls.incrementAndGet() >= 3);

    assertThat(polls.get()).isEqualTo(3);
  }

  @Test
  void awaitFailsNamingTheConditionAndTheTimeWhenItNeverHolds() {
    AtomicInteger polls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                TestCluster.await(
                    "something that never happens",
                    Duration.ofMillis(300),
                    () -> polls.incrementAndGet() < 0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("waited PT0.3S for something that never happens");
    assertThat(polls.get()).isGreaterThan(1);
  }
}
