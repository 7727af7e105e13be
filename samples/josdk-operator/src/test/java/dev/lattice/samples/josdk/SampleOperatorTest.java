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
package dev.lattice.samples.josdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import java.io.InputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The sample operator on a real API server (lattice-backup-junit's control plane), as the
 * controller's ServiceAccount with deploy/rbac.yaml and deploy/rbac-josdk.yaml: a store converges
 * (BSL, mirrored Secret, status Ready and default), and a deleted store is cleaned up.
 */
@ControlPlaneTest
class SampleOperatorTest {
  static final String NS = ControlPlane.CONTROLLER_NAMESPACE;
  static final String VELERO = ControlPlane.VELERO_NAMESPACE;
  static final ResourceDefinitionContext STORES =
      new ResourceDefinitionContext.Builder()
          .withGroup("lattice.dev")
          .withVersion("v1alpha1")
          .withKind("BackupStore")
          .withPlural("backupstores")
          .withNamespaced(true)
          .build();
  static final ResourceDefinitionContext BSLS =
      new ResourceDefinitionContext.Builder()
          .withGroup("velero.io")
          .withVersion("v1")
          .withKind("BackupStorageLocation")
          .withPlural("backupstoragelocations")
          .withNamespaced(true)
          .build();

  @Test
  void aStoreConvergesAndADeletedStoreIsCleanedUp(ControlPlane cluster) throws Exception {
    KubernetesClient admin = cluster.admin();
    // deploy/rbac-josdk.yaml, as lattice-backup-junit ships it (the control plane installs rbac.yaml).
    try (InputStream in =
        SampleOperatorTest.class.getResourceAsStream(
            "/dev/lattice/backup/junit/deploy/rbac-josdk.yaml")) {
      for (HasMetadata o : admin.load(in).items()) {
        admin.resource(o).fieldManager("sample-test").forceConflicts().serverSideApply();
      }
    }
    admin
        .secrets()
        .inNamespace(NS)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("sample-creds")
                .withNamespace(NS)
                .endMetadata()
                .withData(Map.of("cloud", Base64.getEncoder().encodeToString("key".getBytes())))
                .build())
        .createOr(e -> e.update());

    Operator operator = asController(cluster);
    try {
      admin
          .genericKubernetesResources(STORES)
          .inNamespace(NS)
          .resource(
              Serialization.unmarshal(
                  "apiVersion: lattice.dev/v1alpha1\n"
                      + "kind: BackupStore\n"
                      + "metadata: {name: sample, namespace: "
                      + NS
                      + "}\n"
                      + "spec:\n"
                      + "  default: true\n"
                      + "  storage:\n"
                      + "    provider: s3Compatible\n"
                      + "    s3: {bucket: sample, endpoint: \"http://minio.minio:9000\", forcePathStyle: true}\n"
                      + "    credentialsSecretRef: sample-creds\n",
                  GenericKubernetesResource.class))
          .create();
      await("the store's BSL and mirrored Secret", () -> bsl(admin).isPresent() && hasSecret(admin));
      String bslName = bsl(admin).orElseThrow().getMetadata().getName();
      admin
          .genericKubernetesResources(BSLS)
          .inNamespace(VELERO)
          .withName(bslName)
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"phase\":\"Available\"}}");
      await("the store Ready", () -> "Ready".equals(status(admin).get("phase")));
      assertEquals(Boolean.TRUE, spec(bsl(admin).orElseThrow()).get("default"), "the BSL is the default");

      admin.genericKubernetesResources(STORES).inNamespace(NS).withName("sample").delete();
      await(
          "the store, its BSL and its Secret gone",
          () ->
              admin.genericKubernetesResources(STORES).inNamespace(NS).withName("sample").get() == null
                  && bsl(admin).isEmpty()
                  && !hasSecret(admin));
    } finally {
      operator.stop();
    }
  }

  /** Starts the sample as the controller's ServiceAccount, through the properties fabric8 reads. */
  static Operator asController(ControlPlane cluster) {
    Config config = cluster.controller().getConfiguration();
    Map<String, String> properties = new TreeMap<>();
    properties.put("kubernetes.master", config.getMasterUrl());
    properties.put("kubernetes.auth.token", config.getOauthToken());
    properties.put("kubernetes.certs.ca.data", config.getCaCertData());
    properties.put("kubernetes.auth.tryKubeConfig", "false");
    properties.put("kubernetes.auth.tryServiceAccount", "false");
    properties.put("kubernetes.tryNamespacePath", "false");
    properties.forEach(System::setProperty);
    try {
      return SampleOperator.start();
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }
  }

  static Optional<GenericKubernetesResource> bsl(KubernetesClient c) {
    return c.genericKubernetesResources(BSLS).inNamespace(VELERO).list().getItems().stream()
        .filter(b -> ownedBySample(b))
        .findFirst();
  }

  static boolean hasSecret(KubernetesClient c) {
    return c.secrets().inNamespace(VELERO).list().getItems().stream().anyMatch(s -> ownedBySample(s));
  }

  static boolean ownedBySample(HasMetadata o) {
    Map<String, String> labels = o.getMetadata().getLabels();
    return labels != null && "sample".equals(labels.get("lattice.dev/backup-store-name"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> spec(GenericKubernetesResource r) {
    Object spec = r.getAdditionalProperties().get("spec");
    return spec instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> status(KubernetesClient c) {
    GenericKubernetesResource r =
        c.genericKubernetesResources(STORES).inNamespace(NS).withName("sample").get();
    Object status = r == null ? null : r.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && !condition.getAsBoolean()) {
      Thread.sleep(100);
    }
    assertTrue(condition.getAsBoolean(), "waited 60 s for " + what);
  }
}
