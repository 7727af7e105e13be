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

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.fabric8.Resources;
import dev.lattice.backup.junit.ControlPlane;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The cluster side of the JOSDK tests: stores, Secrets, BSLs, waiting. */
final class JosdkCluster {
  static final String PLATFORM = ControlPlane.CONTROLLER_NAMESPACE;
  static final String VELERO = ControlPlane.VELERO_NAMESPACE;

  private JosdkCluster() {}

  /**
   * Runs code that builds its own client from the environment (as {@code new Operator()} does) with
   * the controller's identity in the system properties fabric8 reads, and no kubeconfig.
   */
  static <T> T asController(ControlPlane cluster, Supplier<T> body) {
    Map<String, String> properties = controllerProperties(cluster);
    properties.forEach(System::setProperty);
    try {
      return body.get();
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }
  }

  /** The system properties that make fabric8 connect as the controller's ServiceAccount. */
  static Map<String, String> controllerProperties(ControlPlane cluster) {
    Config config = cluster.controller().getConfiguration();
    Map<String, String> out = new TreeMap<>();
    out.put("kubernetes.master", config.getMasterUrl());
    out.put("kubernetes.auth.token", config.getOauthToken());
    out.put("kubernetes.certs.ca.data", config.getCaCertData());
    out.put("kubernetes.auth.tryKubeConfig", "false");
    out.put("kubernetes.auth.tryServiceAccount", "false");
    out.put("kubernetes.tryNamespacePath", "false");
    return out;
  }

  /** Applies deploy/rbac-josdk.yaml, as an admin, on top of deploy/rbac.yaml. */
  static List<HasMetadata> applyJosdkRbac(KubernetesClient admin) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("..", "deploy", "rbac-josdk.yaml"))) {
      List<HasMetadata> objects = admin.load(in).items();
      for (HasMetadata o : objects) {
        admin.resource(o).fieldManager("josdk-test").forceConflicts().serverSideApply();
      }
      return objects;
    }
  }

  /** Deletes every store, BSL and Secret in Velero's namespace, finalizers stripped. */
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

  /** An S3-compatible store with credentials from Secret {@code creds}. */
  static void store(KubernetesClient admin, String ns, String name, boolean isDefault) {
    store(admin, ns, name, isDefault, "[]");
  }

  /** The same, created with the given finalizers (a YAML list), as another controller left it. */
  static void store(
      KubernetesClient admin, String ns, String name, boolean isDefault, String finalizers) {
    String yaml =
        "apiVersion: lattice.dev/v1alpha1\n"
            + "kind: BackupStore\n"
            + "metadata: {name: "
            + name
            + ", namespace: "
            + ns
            + ", finalizers: "
            + finalizers
            + "}\n"
            + "spec:\n"
            + "  default: "
            + isDefault
            + "\n"
            + "  storage:\n"
            + "    provider: s3Compatible\n"
            + "    s3: {bucket: "
            + name
            + ", endpoint: \"http://minio.minio-system.svc:9000\", forcePathStyle: true}\n"
            + "    credentialsSecretRef: creds\n";
    admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(ns)
        .resource(Serialization.unmarshal(yaml, GenericKubernetesResource.class))
        .create();
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

  /** The objects in Velero's namespace whose labels name the store. */
  static boolean labelledFor(HasMetadata o, String ns, String name) {
    Map<String, String> l = o.getMetadata().getLabels();
    return l != null
        && ns.equals(l.get("lattice.dev/backup-store-namespace"))
        && name.equals(l.get("lattice.dev/backup-store-name"));
  }

  static Optional<GenericKubernetesResource> bslOf(KubernetesClient c, String ns, String name) {
    return bsls(c).stream().filter(b -> labelledFor(b, ns, name)).findFirst();
  }

  static boolean hasMirroredSecret(KubernetesClient c, String ns, String name) {
    return c.secrets().inNamespace(VELERO).list().getItems().stream()
        .anyMatch(s -> labelledFor(s, ns, name));
  }

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

  /** The status of a condition of the store's status, or "" when there is none. */
  static String condition(KubernetesClient c, String ns, String name, String type) {
    Object conditions =
        getStore(c, ns, name).map(s -> section(s, "status").get("conditions")).orElse(null);
    if (conditions instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && type.equals(m.get("type"))) {
          return String.valueOf(m.get("status"));
        }
      }
    }
    return "";
  }

  static String phase(KubernetesClient c, String ns, String name) {
    return getStore(c, ns, name)
        .map(s -> String.valueOf(section(s, "status").get("phase")))
        .orElse("");
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
