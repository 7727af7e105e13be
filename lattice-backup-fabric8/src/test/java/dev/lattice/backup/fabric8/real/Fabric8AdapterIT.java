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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.fabric8.adapter.internal.StoreAdapter;
import dev.lattice.backup.fabric8.adapter.internal.Writes;
import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.reconcile.ReconcileOutcome;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.RequestCounts;
import dev.lattice.backup.testing.cluster.TestCluster;
import dev.lattice.backup.translate.StoreKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.http.Interceptor.RequestTags;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fabric8 adapter end to end on a real API server, acting as the controller's ServiceAccount
 * (bound by exactly deploy/rbac.yaml): server-side apply and its field ownership, the status
 * subresource, finalizers first and last, resourceVersion conflicts, Secret mirroring, orphans.
 */
@ControlPlaneTest
class Fabric8AdapterIT {
  ControlPlane cluster;
  KubernetesClient admin;
  KubernetesClient controller;
  Reconciler reconciler;

  @BeforeEach
  void setUp(ControlPlane cluster) {
    this.cluster = cluster;
    admin = cluster.admin();
    TestCluster.cleanSlate(admin);
    controller = cluster.controller();
    reconciler = RealCluster.reconciler(controller);
    TestCluster.secret(admin, PLATFORM, "creds", "[default]\naws_access_key_id=AK\n");
  }

  @AfterEach
  void tearDown() {
    controller.close();
  }

  private GenericKubernetesResource bsl(String name) {
    return Lookups.bslOf(admin, PLATFORM, name)
        .orElseThrow(() -> new AssertionError("no BSL for " + name));
  }

  @Test
  void storesBecomeBslsAppliedWithOurFieldManagerAndGoReadyWithTheCurrentGeneration() {
    TestCluster.store(admin, PLATFORM, "prod", true, TestCluster.s3("lattice-backups"));
    TestCluster.store(admin, PLATFORM, "minio", false, TestCluster.minio("backups"));

    assertThat(reconciler.reconcile().failures()).isEmpty();

    GenericKubernetesResource prod = bsl("prod");
    assertThat(TestCluster.section(prod, "spec"))
        .containsEntry("provider", "aws")
        .containsEntry("default", true);
    List<ManagedFieldsEntry> managers = prod.getMetadata().getManagedFields();
    assertThat(managers)
        .anySatisfy(
            m -> {
              assertThat(m.getManager()).isEqualTo(Resources.FIELD_MANAGER);
              assertThat(m.getOperation()).isEqualTo("Apply");
            });
    // The create was a plain POST (refused if the name is taken); its fields are then ours by
    // apply, not by update, or a later apply could not remove them.
    assertThat(managers).noneMatch(RealCluster::anUpdateOfOurs);
    assertThat(
            TestCluster.section(Lookups.getStore(admin, PLATFORM, "prod").orElseThrow(), "status"))
        .containsEntry("phase", "Pending");

    TestCluster.veleroMarks(admin, prod.getMetadata().getName(), "Available");
    TestCluster.veleroMarks(admin, bsl("minio").getMetadata().getName(), "Available");
    assertThat(reconciler.reconcile().failures()).isEmpty();

    GenericKubernetesResource store = Lookups.getStore(admin, PLATFORM, "prod").orElseThrow();
    Map<String, Object> status = TestCluster.section(store, "status");
    assertThat(status).containsEntry("phase", "Ready");
    assertThat(((Number) status.get("observedGeneration")).longValue())
        .isEqualTo(store.getMetadata().getGeneration());

    long mark = cluster.auditLog().mark();
    ReconcileOutcome converged = reconciler.reconcile();
    assertThat(converged.wasConverged()).isTrue();
    List<AuditEvent> requests = RequestCounts.controllerEvents(cluster, mark);
    assertThat(requests).isNotEmpty().noneMatch(AuditEvent::isWrite);
  }

  @Test
  void statusIsWrittenOnlyThroughTheStatusSubresourceAndTheMainResourceOnlyForTheFinalizer() {
    long mark = cluster.auditLog().mark();
    TestCluster.store(admin, PLATFORM, "prod", true, TestCluster.s3("lattice-backups"));
    reconciler.reconcile();
    TestCluster.veleroMarks(admin, bsl("prod").getMetadata().getName(), "Available");
    reconciler.reconcile();

    List<AuditEvent> storeWrites =
        RequestCounts.controllerEvents(cluster, mark).stream()
            .filter(e -> e.resource().equals("backupstores") && e.isWrite())
            .toList();
    assertThat(storeWrites).extracting(AuditEvent::subresource).containsOnly("status", "");
    assertThat(storeWrites.stream().filter(e -> e.subresource().isEmpty()))
        .as("main-resource writes: the finalizer only")
        .hasSize(1)
        .allSatisfy(e -> assertThat(e.verb()).isEqualTo("update"));
    assertThat(storeWrites.stream().filter(e -> e.subresource().equals("status")))
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void theFinalizerComesBeforeAnythingIsCreatedAndGoesAfterEverythingIsDeleted() {
    long mark = cluster.auditLog().mark();
    TestCluster.store(admin, PLATFORM, "minio", false, TestCluster.minio("backups"));
    assertThat(reconciler.reconcile().failures()).isEmpty();
    admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(PLATFORM)
        .withName("minio")
        .delete();
    assertThat(reconciler.reconcile().failures()).isEmpty();

    assertThat(Lookups.getStore(admin, PLATFORM, "minio")).isEmpty();
    assertThat(Lookups.bsls(admin)).isEmpty();
    List<String> writes =
        RequestCounts.controllerEvents(cluster, mark).stream()
            .filter(AuditEvent::isWrite)
            .map(e -> e.verb() + " " + e.fullResource())
            .toList();
    int finalizerAdded = writes.indexOf("update backupstores");
    int finalizerRemoved = writes.lastIndexOf("update backupstores");
    assertThat(finalizerAdded)
        .as(writes.toString())
        .isGreaterThanOrEqualTo(0)
        .isLessThan(finalizerRemoved);
    for (int i = 0; i < writes.size(); i++) {
      if (writes.get(i).startsWith("patch") || writes.get(i).startsWith("create")) {
        assertThat(i).as("created after the finalizer: " + writes).isGreaterThan(finalizerAdded);
      }
      if (writes.get(i).startsWith("delete")) {
        assertThat(i)
            .as("deleted before the finalizer went: " + writes)
            .isLessThan(finalizerRemoved);
      }
    }
    assertThat(writes).contains("delete backupstoragelocations", "delete secrets");
  }

  @Test
  void removingTheLastFinalizerTellsTheCacheToWaitForTheStoresAbsence() throws Exception {
    String finalizer = ReconcileOptions.DEFAULT_FINALIZER;
    List<String> names = new ArrayList<>();
    List<Optional<String>> recorded = new ArrayList<>();
    StoreAdapter adapter =
        new StoreAdapter(
            controller,
            k -> Optional.empty(),
            (kind, name, version, owner) -> {
              assertThat(kind).isEqualTo(Writes.Kind.STORE);
              names.add(name);
              recorded.add(version);
            });
    // "kept" carries someone else's finalizer too, so it stays after ours goes; "gone" has ours
    // only.
    for (String name : List.of("kept", "gone")) {
      TestCluster.store(admin, PLATFORM, name, false, TestCluster.s3("bucket-" + name));
      String added =
          adapter.addFinalizer(new StoreKey(PLATFORM, name), Optional.empty(), finalizer);
      assertThat(recorded).last().isEqualTo(Optional.of(added));
    }
    admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(PLATFORM)
        .withName("kept")
        .edit(
            r -> {
              r.getMetadata().getFinalizers().add("example.com/theirs");
              return r;
            });
    for (String name : List.of("kept", "gone")) {
      admin
          .genericKubernetesResources(Resources.BACKUP_STORES)
          .inNamespace(PLATFORM)
          .withName(name)
          .delete();
    }

    Optional<String> kept =
        adapter.removeFinalizer(new StoreKey(PLATFORM, "kept"), Optional.empty(), finalizer);
    assertThat(kept).isPresent();
    assertThat(recorded).last().isEqualTo(kept);
    // The last finalizer: the API server deletes the store and answers with its last stored
    // version, which a cache may well hold; what the cache must wait for is the store's absence.
    assertThat(adapter.removeFinalizer(new StoreKey(PLATFORM, "gone"), Optional.empty(), finalizer))
        .isEmpty();
    assertThat(recorded).last().isEqualTo(Optional.empty());
    assertThat(names)
        .containsExactly(
            PLATFORM + "/kept", PLATFORM + "/gone", PLATFORM + "/kept", PLATFORM + "/gone");
    assertThat(Lookups.getStore(admin, PLATFORM, "gone")).isEmpty();
    assertThat(Lookups.getStore(admin, PLATFORM, "kept")).isPresent();
    admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(PLATFORM)
        .withName("kept")
        .edit(
            r -> {
              r.getMetadata().setFinalizers(List.of());
              return r;
            });
  }

  @Test
  void aFieldTheControllerStopsSettingDisappearsFromTheBsl() {
    TestCluster.store(admin, PLATFORM, "s", false, TestCluster.minio("backups"));
    reconciler.reconcile();
    assertThat(TestCluster.section(bsl("s"), "spec").get("config").toString()).contains("s3Url");

    admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(PLATFORM)
        .withName("s")
        .edit(
            r -> {
              Map<String, Object> storage =
                  Serialization.unmarshal(
                      TestCluster.s3("backups")
                          .replace("cloudProviderRef: aws-prod\n", "credentialsSecretRef: creds\n"),
                      Map.class);
              @SuppressWarnings("unchecked")
              Map<String, Object> spec =
                  (Map<String, Object>) r.getAdditionalProperties().get("spec");
              spec.put("storage", storage);
              return r;
            });
    assertThat(reconciler.reconcile().failures()).isEmpty();

    Map<String, Object> config = asMap(TestCluster.section(bsl("s"), "spec").get("config"));
    assertThat(config).containsKey("region").doesNotContainKeys("s3Url", "s3ForcePathStyle");
  }

  @Test
  void fieldsLeftOwnedByAnUpdateOfOursAreTakenBackByTheNextApplyAndThenRemovable() {
    TestCluster.store(admin, PLATFORM, "s", false, TestCluster.minio("backups"));
    reconciler.reconcile();
    GenericKubernetesResource live = bsl("s");
    String name = live.getMetadata().getName();
    // As if the process had stopped between the create and the ownership patch: our fields are
    // held by an Update entry of our field manager.
    List<Map<String, Object>> entries = new ArrayList<>();
    for (ManagedFieldsEntry m : live.getMetadata().getManagedFields()) {
      Map<String, Object> e = Serialization.unmarshal(Serialization.asJson(m), Map.class);
      if (Resources.FIELD_MANAGER.equals(m.getManager())) {
        e.put("operation", "Update");
      }
      entries.add(e);
    }
    admin
        .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
        .inNamespace(VELERO)
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON),
            Serialization.asJson(
                List.of(
                    Map.of("op", "replace", "path", "/metadata/managedFields", "value", entries))));
    assertThat(bsl("s").getMetadata().getManagedFields()).anyMatch(RealCluster::anUpdateOfOurs);

    RealCluster.editStorage(
        admin,
        PLATFORM,
        "s",
        TestCluster.s3("backups")
            .replace("cloudProviderRef: aws-prod\n", "credentialsSecretRef: creds\n"));
    assertThat(reconciler.reconcile().failures()).isEmpty();
    assertThat(bsl("s").getMetadata().getManagedFields()).noneMatch(RealCluster::anUpdateOfOurs);
    assertThat(reconciler.reconcile().failures()).isEmpty();

    Map<String, Object> config = asMap(TestCluster.section(bsl("s"), "spec").get("config"));
    assertThat(config).containsKey("region").doesNotContainKeys("s3Url", "s3ForcePathStyle");
    assertThat(reconciler.reconcile().wasConverged()).isTrue();
  }

  @Test
  void anotherManagersConflictingApplyGets409AndTheControllerTakesItsFieldBack() {
    TestCluster.store(admin, PLATFORM, "s", false, TestCluster.minio("backups"));
    reconciler.reconcile();
    String name = bsl("s").getMetadata().getName();
    String hijack =
        "{\"apiVersion\":\"velero.io/v1\",\"kind\":\"BackupStorageLocation\",\"metadata\":{\"name\":\""
            + name
            + "\",\"namespace\":\"velero\",\"labels\":{\"team\":\"x\"}},\"spec\":{\"objectStorage\":{\"bucket\":\"hijacked\"}}}";
    GenericKubernetesResource theirs =
        Serialization.unmarshal(hijack, GenericKubernetesResource.class);
    var theirApply =
        admin
            .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
            .inNamespace(VELERO)
            .resource(theirs)
            .fieldManager("someone-else");

    assertThatThrownBy(theirApply::serverSideApply)
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));

    theirApply.forceConflicts().serverSideApply();
    assertThat(asMap(TestCluster.section(bsl("s"), "spec").get("objectStorage")))
        .containsEntry("bucket", "hijacked");

    // Deliberate: the controller applies with force, so the fields it owns come back to the store's
    // values and to its ownership; fields it does not set (the label) stay the other manager's.
    assertThat(reconciler.reconcile().failures()).isEmpty();
    GenericKubernetesResource after = bsl("s");
    assertThat(asMap(TestCluster.section(after, "spec").get("objectStorage")))
        .containsEntry("bucket", "backups");
    assertThat(after.getMetadata().getLabels()).containsEntry("team", "x");
    assertThatThrownBy(theirApply::serverSideApply)
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void aResourceVersionConflictFromTheServerIsRetriedOnTheNextPass() {
    TestCluster.store(admin, PLATFORM, "s", false, TestCluster.minio("backups"));
    // Between the controller's read and its write of the finalizer, someone else changes the store:
    // the server refuses the stale write with 409.
    AtomicBoolean raced = new AtomicBoolean();
    Interceptor race =
        new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            if (request.method().equals("PUT")
                && request.uri().getPath().endsWith("/backupstores/s")
                && raced.compareAndSet(false, true)) {
              admin
                  .genericKubernetesResources(Resources.BACKUP_STORES)
                  .inNamespace(PLATFORM)
                  .withName("s")
                  .patch(
                      PatchContext.of(PatchType.JSON_MERGE),
                      "{\"metadata\":{\"labels\":{\"touched\":\"yes\"}}}");
            }
          }
        };
    try (KubernetesClient racing =
        new KubernetesClientBuilder()
            .withConfig(ControlPlane.configOf(controller).build())
            .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("race", race))
            .build()) {
      long mark = cluster.auditLog().mark();
      ReconcileOutcome first = RealCluster.reconciler(racing).reconcile(PLATFORM, "s");

      assertThat(raced).isTrue();
      assertThat(RequestCounts.controllerEvents(cluster, mark))
          .anySatisfy(e -> assertThat(e.code()).isEqualTo(409));
      assertThat(first.failures()).isNotEmpty();
      assertThat(first.requeueAfter()).isPresent();
      assertThat(Lookups.bsls(admin)).as("nothing created without the finalizer").isEmpty();

      ReconcileOutcome second = RealCluster.reconciler(racing).reconcile(PLATFORM, "s");
      assertThat(second.failures()).isEmpty();
      assertThat(Lookups.getStore(admin, PLATFORM, "s").orElseThrow().getMetadata().getFinalizers())
          .contains(ReconcileOptions.DEFAULT_FINALIZER);
      assertThat(Lookups.bslOf(admin, PLATFORM, "s")).isPresent();
    }
  }

  @Test
  void credentialsAreMirroredIntoVelerosNamespaceAndFollowTheSource() {
    TestCluster.store(admin, PLATFORM, "minio", false, TestCluster.minio("backups"));
    reconciler.reconcile();
    Map<String, Object> credential =
        asMap(TestCluster.section(bsl("minio"), "spec").get("credential"));
    Secret mirror =
        admin.secrets().inNamespace(VELERO).withName((String) credential.get("name")).get();
    assertThat(decode(mirror, (String) credential.get("key")))
        .isEqualTo("[default]\naws_access_key_id=AK\n");
    assertThat(mirror.getMetadata().getManagedFields())
        .noneMatch(RealCluster::anUpdateOfOurs)
        .anyMatch(m -> Resources.FIELD_MANAGER.equals(m.getManager()));

    TestCluster.secret(admin, PLATFORM, "creds", "rotated");
    assertThat(reconciler.reconcile().failures()).isEmpty();
    mirror = admin.secrets().inNamespace(VELERO).withName((String) credential.get("name")).get();
    assertThat(decode(mirror, (String) credential.get("key"))).isEqualTo("rotated");
  }

  @Test
  void anOrphanedBslOfOursIsCollectedAndAForeignOneIsLeftAlone() {
    TestCluster.store(admin, PLATFORM, "gone", false, TestCluster.s3("bucket-one"));
    reconciler.reconcile();
    GenericKubernetesResource orphan = bsl("gone");
    // The store disappears without its finalizer running (say, stripped by hand).
    admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(PLATFORM)
        .withName("gone")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
    admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(PLATFORM)
        .withName("gone")
        .delete();
    GenericKubernetesResource foreign =
        Serialization.unmarshal(
            "{\"apiVersion\":\"velero.io/v1\",\"kind\":\"BackupStorageLocation\",\"metadata\":{\"name\":\"hand-made\",\"namespace\":\"velero\"},"
                + "\"spec\":{\"provider\":\"aws\",\"objectStorage\":{\"bucket\":\"theirs\"}}}",
            GenericKubernetesResource.class);
    admin
        .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
        .inNamespace(VELERO)
        .resource(foreign)
        .create();

    assertThat(reconciler.reconcile().failures()).isEmpty();

    List<String> names = new ArrayList<>();
    Lookups.bsls(admin).forEach(b -> names.add(b.getMetadata().getName()));
    assertThat(names).contains("hand-made").doesNotContain(orphan.getMetadata().getName());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static String decode(Secret s, String key) {
    return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
  }
}
