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

import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.model.BackupStore;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Shortcuts for tests on the real control plane: stores written as an admin would, Velero's status
 * written as Velero does (a merge patch on the BSL itself: its CRD has no status subresource), what
 * the controller made looked up by the labels it puts on it, waiting, and a clean slate between
 * tests, since the control plane is shared by the whole test JVM.
 */
public final class TestCluster {
  /** The platform's namespace: the controller's own, where the platform's stores live. */
  public static final String PLATFORM = ControlPlane.CONTROLLER_NAMESPACE;

  /** Velero's namespace, where the BSLs and the mirrored Secrets go. */
  public static final String VELERO = ControlPlane.VELERO_NAMESPACE;

  /**
   * BackupStores, {@code lattice.dev/v1alpha1}, namespaced: the same type as the fabric8 module's
   * {@code Resources.BACKUP_STORES}, named here because this module cannot depend on that one; with
   * the CRD's name and scope, so that fabric8's mock server can be taught the type too.
   */
  public static final CustomResourceDefinitionContext BACKUP_STORES =
      namespaced(BackupStore.GROUP, BackupStore.VERSION, BackupStore.KIND, BackupStore.PLURAL);

  /**
   * Velero's BackupStorageLocations, {@code velero.io/v1}, namespaced: the same type as the fabric8
   * module's {@code Resources.BACKUP_STORAGE_LOCATIONS}.
   */
  public static final CustomResourceDefinitionContext BACKUP_STORAGE_LOCATIONS =
      namespaced("velero.io", "v1", "BackupStorageLocation", "backupstoragelocations");

  /** The label by which the controller names the namespace of the store a BSL or Secret is for. */
  static final String STORE_NAMESPACE_LABEL = "lattice.dev/backup-store-namespace";

  /** The label by which the controller names the store a BSL or a mirrored Secret is for. */
  static final String STORE_NAME_LABEL = "lattice.dev/backup-store-name";

  private static final Duration WAIT = Duration.ofSeconds(60);

  private TestCluster() {}

  private static CustomResourceDefinitionContext namespaced(
      String group, String version, String kind, String plural) {
    return new CustomResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withKind(kind)
        .withPlural(plural)
        .withScope("Namespaced")
        .withName(plural + "." + group)
        .build();
  }

  /**
   * Deletes every store (its finalizers stripped first), every BSL and every Secret in Velero's
   * namespace, then waits (up to a minute) until no store and no BSL is left.
   *
   * @param admin a client with the rights to do so
   */
  public static void cleanSlate(KubernetesClient admin) {
    for (GenericKubernetesResource s :
        admin.genericKubernetesResources(BACKUP_STORES).inAnyNamespace().list().getItems()) {
      var r =
          admin
              .genericKubernetesResources(BACKUP_STORES)
              .inNamespace(s.getMetadata().getNamespace())
              .withName(s.getMetadata().getName());
      r.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
      r.delete();
    }
    admin.genericKubernetesResources(BACKUP_STORAGE_LOCATIONS).inNamespace(VELERO).delete();
    admin.secrets().inNamespace(VELERO).delete();
    await(
        "a clean slate",
        () ->
            admin
                    .genericKubernetesResources(BACKUP_STORES)
                    .inAnyNamespace()
                    .list()
                    .getItems()
                    .isEmpty()
                && Lookups.bsls(admin).isEmpty());
  }

  /**
   * Creates a store, as an admin would write it.
   *
   * @param admin the client that creates it
   * @param ns its namespace
   * @param name its name
   * @param isDefault its {@code spec.default}
   * @param storage its {@code spec.storage}, as YAML, such as {@link #s3(String)} gives
   * @return the store as created
   */
  public static GenericKubernetesResource store(
      KubernetesClient admin, String ns, String name, boolean isDefault, String storage) {
    return store(admin, ns, name, isDefault, storage, List.of());
  }

  /**
   * Creates a store that carries finalizers from the start, as another controller may have left it.
   *
   * @param admin the client that creates it
   * @param ns its namespace
   * @param name its name
   * @param isDefault its {@code spec.default}
   * @param storage its {@code spec.storage}, as YAML
   * @param finalizers its {@code metadata.finalizers}; none when empty
   * @return the store as created
   */
  public static GenericKubernetesResource store(
      KubernetesClient admin,
      String ns,
      String name,
      boolean isDefault,
      String storage,
      List<String> finalizers) {
    return admin
        .genericKubernetesResources(BACKUP_STORES)
        .inNamespace(ns)
        .resource(storeResource(ns, name, isDefault, storage, finalizers))
        .create();
  }

  /** The store {@link #store} creates, read from YAML. */
  static GenericKubernetesResource storeResource(
      String ns, String name, boolean isDefault, String storage, List<String> finalizers) {
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
    if (!finalizers.isEmpty()) {
      r.getMetadata().setFinalizers(List.copyOf(finalizers));
    }
    return r;
  }

  /**
   * Changes a store as an admin would, with a JSON merge patch.
   *
   * @param admin the client that patches it
   * @param ns its namespace
   * @param name its name
   * @param mergePatch the patch, such as {@code {"spec":{"default":false}}}
   */
  public static void patchStore(KubernetesClient admin, String ns, String name, String mergePatch) {
    admin
        .genericKubernetesResources(BACKUP_STORES)
        .inNamespace(ns)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
  }

  /**
   * Deletes a store as an admin would (its finalizers, if any, left to the controller).
   *
   * @param admin the client that deletes it
   * @param ns its namespace
   * @param name its name
   */
  public static void deleteStore(KubernetesClient admin, String ns, String name) {
    admin.genericKubernetesResources(BACKUP_STORES).inNamespace(ns).withName(name).delete();
  }

  /**
   * An S3-compatible store's storage section, with credentials from Secret {@code creds} in the
   * store's namespace.
   *
   * @param bucket the bucket
   * @return the section, as YAML
   */
  public static String minio(String bucket) {
    return "provider: s3Compatible\n"
        + "s3: {bucket: "
        + bucket
        + ", endpoint: \"http://minio.minio-system.svc:9000\", forcePathStyle: true}\n"
        + "credentialsSecretRef: creds\n";
  }

  /**
   * A native S3 store's storage section, with the platform's CloudProvider credentials ({@code
   * aws-prod}).
   *
   * @param bucket the bucket
   * @return the section, as YAML
   */
  public static String s3(String bucket) {
    return "provider: s3\ns3: {bucket: "
        + bucket
        + ", region: us-east-1}\ncloudProviderRef: aws-prod\n";
  }

  /**
   * Creates or replaces a Secret whose key {@code cloud} holds the value.
   *
   * @param client the client that writes it
   * @param ns its namespace
   * @param name its name
   * @param value the value of key {@code cloud}
   */
  public static void secret(KubernetesClient client, String ns, String name, String value) {
    TenantSecrets.put(client, ns, name, Map.of("cloud", value));
  }

  /**
   * What Velero does after validating a BSL: sets its {@code status.phase} (a merge patch on the
   * BSL itself).
   *
   * @param admin the client that plays Velero
   * @param bsl the BSL's name
   * @param phase the phase, such as {@code Available}
   */
  public static void veleroMarks(KubernetesClient admin, String bsl, String phase) {
    admin
        .genericKubernetesResources(BACKUP_STORAGE_LOCATIONS)
        .inNamespace(VELERO)
        .withName(bsl)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"phase\":\"" + phase + "\"}}");
  }

  /**
   * A top-level section of an object, such as {@code spec} or {@code status}.
   *
   * @param r the object
   * @param name the section's name
   * @return the section, empty when there is none or it is not an object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> section(GenericKubernetesResource r, String name) {
    Object value = r.getAdditionalProperties().get(name);
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /**
   * Waits up to a minute for a condition; see {@link #await(String, Duration, BooleanSupplier)}.
   *
   * @param what the condition, in words, for the failure message
   * @param condition the condition
   */
  public static void await(String what, BooleanSupplier condition) {
    await(what, WAIT, condition);
  }

  /**
   * Polls a condition every 100 ms until it holds or the time is up; then it must hold, or the test
   * fails with "waited {timeout} for {what}". An interrupt ends the wait early, to the same final
   * check.
   *
   * @param what the condition, in words, for the failure message
   * @param timeout how long to wait at most
   * @param condition the condition
   */
  public static void await(String what, Duration timeout, BooleanSupplier condition) {
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
