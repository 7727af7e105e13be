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
package dev.lattice.backup.josdk.real;

import static dev.lattice.backup.testing.cluster.TestCluster.PLATFORM;
import static dev.lattice.backup.testing.cluster.TestCluster.VELERO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.josdk.BackupStoreResource;
import dev.lattice.backup.josdk.LatticeBackupOperator;
import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.TestCluster;
import dev.lattice.backup.translate.bsl.BslLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Orphans in a cluster with no BackupStore, on a real API server: a BSL and a mirrored Secret of
 * ours whose store is gone are collected once the operator starts, a foreign BSL is left alone; and
 * while JOSDK's primary cache has not synced, nothing is deleted although the BSL and Secret
 * informers have synced and show the orphans.
 */
@ControlPlaneTest
class JosdkOrphanIT {
  static final String FOREIGN = "foreign";

  /**
   * Plants a BSL and a mirrored Secret of ours for the store lattice-system/gone, and a foreign
   * BSL.
   */
  static void plantOrphans(KubernetesClient admin) {
    var bsls =
        admin.genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS).inNamespace(VELERO);
    bsls.resource(
            Serialization.unmarshal(
                "apiVersion: velero.io/v1\n"
                    + "kind: BackupStorageLocation\n"
                    + "metadata:\n"
                    + "  name: lattice-gone\n"
                    + "  labels: {app.kubernetes.io/managed-by: lattice-backup,"
                    + " lattice.dev/backup-store-namespace: lattice-system,"
                    + " lattice.dev/backup-store-name: gone}\n"
                    + "  annotations: {lattice.dev/backup-store: lattice-system/gone}\n"
                    + "spec: {provider: aws, objectStorage: {bucket: gone}}\n",
                GenericKubernetesResource.class))
        .create();
    bsls.resource(
            Serialization.unmarshal(
                "apiVersion: velero.io/v1\n"
                    + "kind: BackupStorageLocation\n"
                    + "metadata: {name: "
                    + FOREIGN
                    + "}\n"
                    + "spec: {provider: aws, objectStorage: {bucket: theirs}}\n",
                GenericKubernetesResource.class))
        .create();
    admin
        .secrets()
        .inNamespace(VELERO)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("lattice-gone-credentials")
                .withLabels(BslLabels.labels(PLATFORM, "gone"))
                .withAnnotations(BslLabels.annotations(PLATFORM, "gone"))
                .endMetadata()
                .withStringData(Map.of("cloud", "[default]\n"))
                .build())
        .create();
    TestCluster.await(
        "the orphans planted",
        () ->
            Lookups.bslOf(admin, PLATFORM, "gone").isPresent()
                && Lookups.hasMirroredSecret(admin, PLATFORM, "gone"));
  }

  static boolean foreignLeft(KubernetesClient admin) {
    return Lookups.bsls(admin).stream().anyMatch(b -> b.getMetadata().getName().equals(FOREIGN));
  }

  @Test
  void withNoStoreAnOrphanedBslAndSecretAreCollectedAndAForeignBslIsLeftAlone(ControlPlane cluster)
      throws Exception {
    KubernetesClient admin = cluster.admin();
    TestCluster.cleanSlate(admin);
    JosdkCluster.applyJosdkRbac(admin);
    plantOrphans(admin);
    assertThat(Lookups.stores(admin)).isEmpty();

    try (KubernetesClient client = cluster.controller()) {
      Operator operator =
          new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
      try {
        LatticeBackupOperator.register(operator, ReconcileOptions.defaults());
        operator.start();
        TestCluster.await(
            "the orphaned BSL and mirrored Secret collected",
            () ->
                Lookups.bslOf(admin, PLATFORM, "gone").isEmpty()
                    && !Lookups.hasMirroredSecret(admin, PLATFORM, "gone"));
        assertThat(foreignLeft(admin)).as("the foreign BSL").isTrue();
      } finally {
        operator.stop();
      }
    }
    assertThat(Lookups.stores(admin)).isEmpty();
  }

  /**
   * The operator runs as a user that may read and delete BSLs and Secrets in Velero's namespace but
   * may not list BackupStores: its BSL and Secret informers sync, its primary cache never does.
   * Without the sync guard, a sweep would see the orphans (and, in a real cluster, every live
   * store's BSL) as orphans and delete them.
   */
  @Test
  void nothingIsDeletedWhileThePrimaryCacheHasNotSynced(ControlPlane cluster) throws Exception {
    KubernetesClient admin = cluster.admin();
    TestCluster.cleanSlate(admin);
    String user = "lattice-unsynced";
    Role role =
        new RoleBuilder()
            .withNewMetadata()
            .withName(user)
            .withNamespace(VELERO)
            .endMetadata()
            .withRules(
                new PolicyRuleBuilder()
                    .withApiGroups("velero.io")
                    .withResources("backupstoragelocations")
                    .withVerbs("get", "list", "watch", "create", "update", "patch", "delete")
                    .build(),
                new PolicyRuleBuilder()
                    .withApiGroups("")
                    .withResources("secrets")
                    .withVerbs("get", "list", "watch", "create", "update", "patch", "delete")
                    .build())
            .build();
    RoleBinding binding =
        new RoleBindingBuilder()
            .withNewMetadata()
            .withName(user)
            .withNamespace(VELERO)
            .endMetadata()
            .withNewRoleRef("rbac.authorization.k8s.io", "Role", user)
            .addNewSubject()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("User")
            .withName(user)
            .endSubject()
            .build();
    admin.resource(role).serverSideApply();
    admin.resource(binding).serverSideApply();
    plantOrphans(admin);
    long mark = cluster.auditLog().mark();

    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(admin.getConfiguration()).withImpersonateUsername(user).build())
            .build()) {
      Operator operator =
          new Operator(
              o ->
                  o.withKubernetesClient(client)
                      .withCloseClientOnStop(false)
                      .withStopOnInformerErrorDuringStartup(false)
                      .withCacheSyncTimeout(Duration.ofSeconds(2))
                      .withInformerStoppedHandler((informer, ex) -> {}));
      try {
        RegisteredController<BackupStoreResource> controller =
            LatticeBackupOperator.register(operator, ReconcileOptions.defaults());
        operator.start();
        TestCluster.await(
            "the BSL and Secret informers synced, the primary cache not",
            () -> {
              var unhealthy =
                  controller
                      .getControllerHealthInfo()
                      .unhealthyInformerEventSourceHealthIndicators();
              return unhealthy.size() == 1
                  && !unhealthy.containsKey("backupstoragelocations")
                  && !unhealthy.containsKey("mirrored-secrets");
            });
        // The sweep requested on start and by the orphans' events looks again every second.
        Thread.sleep(Duration.ofSeconds(5).toMillis());
        assertThat(Lookups.bslOf(admin, PLATFORM, "gone")).as("the orphaned BSL").isPresent();
        assertThat(Lookups.hasMirroredSecret(admin, PLATFORM, "gone"))
            .as("the orphaned Secret")
            .isTrue();
        assertThat(foreignLeft(admin)).as("the foreign BSL").isTrue();
      } finally {
        operator.stop();
        admin.resource(binding).delete();
        admin.resource(role).delete();
      }
    }
    List<AuditEvent> deletes =
        cluster.auditLog().since(mark).stream()
            .filter(
                e ->
                    e.verb().startsWith("delete")
                        && (e.resource().equals("backupstoragelocations")
                            || e.resource().equals("secrets")))
            .toList();
    assertThat(deletes).as("BSLs or Secrets deleted while unsynced").isEmpty();
  }
}
