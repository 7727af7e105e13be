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

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.fabric8.runtime.BackupStoreController;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionCondition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What this library needs of a Kubernetes version, proven on the server this JVM got: the version
 * the Failsafe execution asked for ({@link ControlPlane#BUILD_PROPERTY}, {@link
 * ControlPlane#EMULATE_PROPERTY}), the CRD Established, the status subresource, server-side apply's
 * field ownership, and a store's whole life under the controller. The executions that repeat the
 * suite on every supported version run this class with {@code ApiServerAdmissionIT} and {@code
 * ApiServerNoEchoIT}; the version test writes the record ({@value #RECORD_PROPERTY}) from which the
 * README's Kubernetes row is generated ({@link KubernetesVersions}).
 */
@ControlPlaneTest
class SupportedVersionIT {
  /** The system property naming the JSON file this execution's record goes to; none: no record. */
  static final String RECORD_PROPERTY = "lattice.kubernetes.record";

  private static final String CRD = "backupstores.lattice.dev";

  ControlPlane cluster;
  KubernetesClient admin;

  @BeforeEach
  void setUp(ControlPlane cluster) {
    this.cluster = cluster;
    admin = cluster.admin();
    TestCluster.cleanSlate(admin);
    TestCluster.secret(admin, PLATFORM, "creds", "[default]\naws_access_key_id=AK\n");
  }

  @Test
  void theServerIsTheVersionTheExecutionAskedFor() throws IOException {
    String build = System.getProperty(ControlPlane.BUILD_PROPERTY, "1.37");
    String emulate = System.getProperty(ControlPlane.EMULATE_PROPERTY, build);
    String gitVersion = admin.getKubernetesVersion().getGitVersion();

    assertThat(gitVersion).isEqualTo(cluster.kubernetesVersion()).startsWith("v" + build + ".");
    assertThat(cluster.emulationVersion()).isEqualTo(emulate);
    assertThat(admin.getKubernetesVersion().getMinor()).isEqualTo(build.substring(2));

    String record = System.getProperty(RECORD_PROPERTY, "");
    if (!record.isEmpty()) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("gitVersion", gitVersion);
      fields.put("emulationVersion", cluster.emulationVersion());
      Path file = Path.of(record);
      Files.createDirectories(file.getParent());
      Files.writeString(file, new ObjectMapper().writeValueAsString(fields) + "\n");
    }
  }

  @Test
  void theCrdIsInstalledAndEstablishedWithAStatusSubresource() {
    CustomResourceDefinition crd =
        admin.apiextensions().v1().customResourceDefinitions().withName(CRD).get();
    assertThat(crd).as(CRD).isNotNull();
    assertThat(crd.getStatus().getConditions())
        .filteredOn(c -> List.of("Established", "NamesAccepted").contains(c.getType()))
        .extracting(CustomResourceDefinitionCondition::getStatus)
        .containsExactly("True", "True");
    CustomResourceDefinitionVersion served = crd.getSpec().getVersions().get(0);
    assertThat(served.getName()).isEqualTo("v1alpha1");
    assertThat(served.getServed()).isTrue();
    assertThat(served.getSubresources().getStatus()).isNotNull();
    assertThat(Lookups.stores(admin)).isEmpty(); // served: the list works
  }

  @Test
  void theStatusIsWrittenOnlyThroughTheStatusSubresource() {
    TestCluster.store(admin, PLATFORM, "probe", false, TestCluster.s3("probe-bucket"));
    var store =
        admin
            .genericKubernetesResources(Resources.BACKUP_STORES)
            .inNamespace(PLATFORM)
            .withName("probe");

    GenericKubernetesResource afterStatus =
        store
            .subresource("status")
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"default\":true},\"status\":{\"phase\":\"Failed\",\"message\":\"m\"}}");
    assertThat(TestCluster.section(afterStatus, "status"))
        .containsEntry("phase", "Failed")
        .containsEntry("message", "m");
    assertThat(TestCluster.section(afterStatus, "spec")).containsEntry("default", false);
    assertThat(afterStatus.getMetadata().getGeneration()).isEqualTo(1L);

    GenericKubernetesResource afterMain =
        store.patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"default\":true},\"status\":{\"phase\":\"Ready\",\"message\":\"x\"}}");
    assertThat(TestCluster.section(afterMain, "spec")).containsEntry("default", true);
    assertThat(TestCluster.section(afterMain, "status"))
        .containsEntry("phase", "Failed")
        .containsEntry("message", "m");
    assertThat(afterMain.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void serverSideApplyLeavesOurFieldsWithOurFieldManager() {
    try (KubernetesClient controller = cluster.controller()) {
      Reconciler reconciler = RealCluster.reconciler(controller);
      TestCluster.store(admin, PLATFORM, "ssa", false, TestCluster.minio("backups"));
      assertThat(reconciler.reconcile().failures()).isEmpty();

      GenericKubernetesResource bsl = Lookups.bslOf(admin, PLATFORM, "ssa").orElseThrow();
      assertOwnedByOurApply(bsl, "f:s3Url");
      assertOwnedByOurApply(
          admin.secrets().inNamespace(VELERO).list().getItems().stream()
              .filter(s -> Lookups.labelledFor(s, PLATFORM, "ssa"))
              .findFirst()
              .orElseThrow(),
          "f:data");

      // The field the controller stops setting goes: the server removes what our apply no longer
      // names.
      RealCluster.editStorage(
          admin,
          PLATFORM,
          "ssa",
          TestCluster.s3("backups")
              .replace("cloudProviderRef: aws-prod\n", "credentialsSecretRef: creds\n"));
      assertThat(reconciler.reconcile().failures()).isEmpty();
      bsl = Lookups.bslOf(admin, PLATFORM, "ssa").orElseThrow();
      assertThat(asMap(TestCluster.section(bsl, "spec").get("config")))
          .containsKey("region")
          .doesNotContainKeys("s3Url", "s3ForcePathStyle");
      assertOwnedByOurApply(bsl, "f:region");
      assertThat(reconciler.reconcile().wasConverged()).isTrue();
    }
  }

  private static void assertOwnedByOurApply(HasMetadata object, String field) {
    List<ManagedFieldsEntry> managers = object.getMetadata().getManagedFields();
    assertThat(managers).as("managedFields").noneMatch(RealCluster::anUpdateOfOurs);
    assertThat(managers)
        .filteredOn(m -> Resources.FIELD_MANAGER.equals(m.getManager()))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getOperation()).isEqualTo("Apply");
              assertThat(Serialization.asJson(m.getFieldsV1())).contains(field);
            });
  }

  @Test
  void theControllerTakesAStoreThroughItsWholeLife() {
    try (KubernetesClient client = cluster.controller();
        BackupStoreController loop = RealCluster.controller(client).start()) {
      TestCluster.store(admin, PLATFORM, "life", true, TestCluster.minio("backups"));
      TestCluster.await(
          "a BSL and a mirrored Secret",
          () ->
              Lookups.bslOf(admin, PLATFORM, "life").isPresent()
                  && Lookups.hasMirroredSecret(admin, PLATFORM, "life"));
      assertThat(Lookups.phase(admin, PLATFORM, "life")).isNotEqualTo("Ready");

      String bsl = Lookups.bslOf(admin, PLATFORM, "life").orElseThrow().getMetadata().getName();
      TestCluster.veleroMarks(admin, bsl, "Available");
      TestCluster.await(
          "the store Ready", () -> "Ready".equals(Lookups.phase(admin, PLATFORM, "life")));
      assertThat(Lookups.isDefault(Lookups.bslOf(admin, PLATFORM, "life").orElseThrow())).isTrue();

      TestCluster.deleteStore(admin, PLATFORM, "life");
      TestCluster.await(
          "the store, its BSL and its mirrored Secret gone",
          () ->
              Lookups.getStore(admin, PLATFORM, "life").isEmpty()
                  && Lookups.bslOf(admin, PLATFORM, "life").isEmpty()
                  && !Lookups.hasMirroredSecret(admin, PLATFORM, "life"));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }
}
