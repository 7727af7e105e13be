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

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.fabric8.BackupStoreController;
import dev.lattice.backup.fabric8.Fabric8Ports;
import dev.lattice.backup.fabric8.Resources;
import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.AuditLog;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Shortcuts for tests on the real control plane: stores written as an admin would, Velero's status
 * written as Velero does (a merge patch on the BSL itself: its CRD has no status subresource), and
 * a clean slate between tests, since the control plane is shared by the whole test JVM.
 */
final class RealCluster {
  static final String PLATFORM = ControlPlane.CONTROLLER_NAMESPACE;
  static final String VELERO = ControlPlane.VELERO_NAMESPACE;
  static final String CONTROLLER =
      AuditLog.serviceAccountUser(PLATFORM, ControlPlane.CONTROLLER_SERVICE_ACCOUNT);

  private RealCluster() {}

  /** A controller as the tests run it: the default options, the given client. */
  static BackupStoreController.Builder controller(KubernetesClient client) {
    return BackupStoreController.builder(client, ReconcileOptions.defaults());
  }

  static Reconciler reconciler(KubernetesClient client) {
    return new Reconciler(Fabric8Ports.create(client, VELERO), ReconcileOptions.defaults());
  }

  /** Deletes every store, BSL and mirrored Secret, as an admin, finalizers stripped. */
  static void cleanSlate(KubernetesClient admin) {
    for (GenericKubernetesResource s :
        admin
            .genericKubernetesResources(Resources.BACKUP_STORES)
            .inAnyNamespace()
            .list()
            .getItems()) {
      var r =
          admin
              .genericKubernetesResources(Resources.BACKUP_STORES)
              .inNamespace(s.getMetadata().getNamespace())
              .withName(s.getMetadata().getName());
      r.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
      r.delete();
    }
    admin
        .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
        .inNamespace(VELERO)
        .delete();
    admin.secrets().inNamespace(VELERO).delete();
    await(
        "a clean slate",
        () ->
            admin
                    .genericKubernetesResources(Resources.BACKUP_STORES)
                    .inAnyNamespace()
                    .list()
                    .getItems()
                    .isEmpty()
                && bsls(admin).isEmpty());
  }

  static GenericKubernetesResource store(
      KubernetesClient admin, String ns, String name, boolean isDefault, String storage) {
    String yaml =
        "apiVersion: lattice.dev/v1alpha1\n"
            + "kind: BackupStore\n"
            + "metadata: {name: "
            + name
            + ", namespace: "
            + ns
            + "}\n"
            + "spec:\n"
            + "  default: "
            + isDefault
            + "\n"
            + "  storage:\n"
            + storage.indent(4);
    GenericKubernetesResource r = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    return admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(ns)
        .resource(r)
        .create();
  }

  /** An S3-compatible store's storage section, with credentials from Secret {@code creds}. */
  static String minio(String bucket) {
    return "provider: s3Compatible\n"
        + "s3: {bucket: "
        + bucket
        + ", endpoint: \"http://minio.minio-system.svc:9000\", forcePathStyle: true}\n"
        + "credentialsSecretRef: creds\n";
  }

  /** A native S3 store's storage section, with the platform's CloudProvider credentials. */
  static String s3(String bucket) {
    return "provider: s3\ns3: {bucket: "
        + bucket
        + ", region: us-east-1}\ncloudProviderRef: aws-prod\n";
  }

  static void secret(KubernetesClient admin, String ns, String name, String value) {
    admin
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .endMetadata()
                .withData(
                    Map.of(
                        "cloud",
                        Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))))
                .build())
        .createOr(e -> e.update());
  }

  static Optional<GenericKubernetesResource> getStore(KubernetesClient c, String ns, String name) {
    return Optional.ofNullable(
        c.genericKubernetesResources(Resources.BACKUP_STORES).inNamespace(ns).withName(name).get());
  }

  static List<GenericKubernetesResource> bsls(KubernetesClient c) {
    return c.genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
        .inNamespace(VELERO)
        .list()
        .getItems();
  }

  /** The BSL that belongs to the store, found by the labels the library puts on it. */
  static Optional<GenericKubernetesResource> bslOf(KubernetesClient c, String ns, String name) {
    return bsls(c).stream()
        .filter(
            b -> {
              Map<String, String> l = b.getMetadata().getLabels();
              return l != null
                  && ns.equals(l.get("lattice.dev/backup-store-namespace"))
                  && name.equals(l.get("lattice.dev/backup-store-name"));
            })
        .findFirst();
  }

  /** What Velero does after validating a BSL. */
  static void veleroMarks(KubernetesClient admin, String bsl, String phase) {
    admin
        .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
        .inNamespace(VELERO)
        .withName(bsl)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"phase\":\"" + phase + "\"}}");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> section(GenericKubernetesResource r, String name) {
    Object value = r.getAdditionalProperties().get(name);
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static boolean isDefault(GenericKubernetesResource bsl) {
    return Boolean.TRUE.equals(section(bsl, "spec").get("default"));
  }

  static List<AuditEvent> controllerEvents(ControlPlane cp, long mark) {
    return cp.auditLog().since(mark, CONTROLLER);
  }

  static void await(String what, BooleanSupplier condition) {
    await(what, Duration.ofSeconds(60), condition);
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertThat(condition.getAsBoolean()).as("waited %s for %s", timeout, what).isTrue();
  }
}
