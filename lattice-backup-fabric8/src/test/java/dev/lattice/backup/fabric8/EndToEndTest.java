package dev.lattice.backup.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.reconcile.ReconcileOutcome;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reconciler over real HTTP, against fabric8's mock API server in CRUD mode. */
class EndToEndTest {
  KubernetesMockServer server;
  KubernetesClient client;
  Reconciler reconciler;

  @AfterEach
  void tearDown() {
    client.close();
    server.destroy();
  }

  @BeforeEach
  void setUp() throws InterruptedException {
    server = MockCluster.start();
    client = server.createClient();
    reconciler = new Reconciler(Fabric8Ports.create(client, "velero"), ReconcileOptions.defaults());
    MockCluster.putSecret(client, "lattice-system", "minio-creds", "minio-access-key");
    MockCluster.create(client, MockCluster.seed("s3-store.yaml"));
    MockCluster.create(client, MockCluster.seed("minio-store.yaml"));
    MockCluster.drain(server);
  }

  @Test
  void bothCrdsAreInstalledInTheMockApiServer() {
    assertThat(
            client
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("backupstores.lattice.dev")
                .get()
                .getSpec()
                .getNames()
                .getKind())
        .isEqualTo("BackupStore");
    assertThat(
            client
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("backupstoragelocations.velero.io")
                .get())
        .isNotNull();
  }

  @Test
  void seedStoresBecomeBslsPendingThenReadyAndAConvergedPassWritesNothing() throws Exception {
    ReconcileOutcome first = reconciler.reconcile();

    assertThat(first.failures()).isEmpty();
    GenericKubernetesResource s3 = MockCluster.bsl(client, "lattice-production-s3").orElseThrow();
    Map<String, Object> spec = MockCluster.section(s3, "spec");
    assertThat(spec).containsEntry("provider", "aws").containsEntry("default", true);
    assertThat(spec.get("objectStorage"))
        .isEqualTo(Map.of("bucket", "lattice-backups", "prefix", "lattice-production-s3"));
    assertThat(s3.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "lattice-backup");
    GenericKubernetesResource minio = MockCluster.bsl(client, "lattice-local-minio").orElseThrow();
    assertThat(MockCluster.section(minio, "spec").get("credential"))
        .isEqualTo(Map.of("name", "lattice-local-minio-credentials", "key", "cloud"));
    assertThat(
            client
                .secrets()
                .inNamespace("velero")
                .withName("lattice-local-minio-credentials")
                .get())
        .isNotNull();
    GenericKubernetesResource store =
        MockCluster.store(client, "lattice-system", "production-s3").orElseThrow();
    assertThat(MockCluster.section(store, "status")).containsEntry("phase", "Pending");
    assertThat(store.getMetadata().getFinalizers()).contains(ReconcileOptions.DEFAULT_FINALIZER);

    MockCluster.veleroMarks(client, "lattice-production-s3", "Available", "");
    MockCluster.veleroMarks(client, "lattice-local-minio", "Available", "");
    assertThat(reconciler.reconcile().failures()).isEmpty();
    assertThat(
            MockCluster.section(
                MockCluster.store(client, "lattice-system", "production-s3").orElseThrow(),
                "status"))
        .containsEntry("phase", "Ready");

    MockCluster.drain(server);
    ReconcileOutcome converged = reconciler.reconcile();
    List<String> requests = MockCluster.drain(server);
    assertThat(converged.writes()).isZero();
    assertThat(requests).isNotEmpty();
    assertThat(MockCluster.writes(requests)).isEmpty();
  }

  @Test
  void deletingAStoreDeletesItsBslAndMirroredSecretAndReleasesIt() {
    assertThat(reconciler.reconcile().failures()).isEmpty();
    client
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace("lattice-system")
        .withName("local-minio")
        .delete();
    assertThat(MockCluster.store(client, "lattice-system", "local-minio"))
        .as("the finalizer holds the store")
        .hasValueSatisfying(s -> assertThat(s.getMetadata().getDeletionTimestamp()).isNotNull());

    ReconcileOutcome outcome = reconciler.reconcile();

    assertThat(outcome.failures()).isEmpty();
    assertThat(MockCluster.bsl(client, "lattice-local-minio")).isEmpty();
    assertThat(
            client
                .secrets()
                .inNamespace("velero")
                .withName("lattice-local-minio-credentials")
                .get())
        .isNull();
    assertThat(MockCluster.store(client, "lattice-system", "local-minio")).isEmpty();
    assertThat(MockCluster.bsl(client, "lattice-production-s3")).isPresent();
  }

  @Test
  void veleroAbsentIsPendingWithAMessage() {
    server
        .expect()
        .get()
        .withPath("/apis/velero.io/v1/namespaces/velero/backupstoragelocations")
        .andReturn(
            404,
            MockCluster.status(
                404, "NotFound", "the server could not find the requested resource", ""))
        .always();

    ReconcileOutcome outcome = reconciler.reconcile();

    assertThat(outcome.failures()).isEmpty();
    Map<String, Object> status =
        MockCluster.section(
            MockCluster.store(client, "lattice-system", "production-s3").orElseThrow(), "status");
    assertThat(status).containsEntry("phase", "Pending");
    assertThat((String) status.get("message")).startsWith("Velero is not installed");
    assertThat(MockCluster.bsl(client, "lattice-production-s3")).isEmpty();
  }

  @Test
  void conflictsAndServerErrorsAreRetriedAndConverge() throws Exception {
    server
        .expect()
        .put()
        .withPath("/apis/lattice.dev/v1alpha1/namespaces/lattice-system/backupstores/local-minio")
        .andReturn(
            409, MockCluster.status(409, "Conflict", "the object has been modified", "local-minio"))
        .once();
    server
        .expect()
        .patch()
        .withPath(
            "/apis/velero.io/v1/namespaces/velero/backupstoragelocations/lattice-production-s3?fieldManager=lattice-backup&force=true")
        .andReturn(500, MockCluster.status(500, "InternalError", "etcd timeout", ""))
        .once();
    // fabric8 retries 5xx itself; without its retries the reconciler's own retry is what is tested
    KubernetesClient noRetries =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(client.getConfiguration())
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build();
    reconciler =
        new Reconciler(Fabric8Ports.create(noRetries, "velero"), ReconcileOptions.defaults());

    ReconcileOutcome first = reconciler.reconcile();

    assertThat(first.failures())
        .extracting(f -> f.failure().getClass().getSimpleName())
        .containsExactlyInAnyOrder("Conflict", "Transient");
    assertThat(first.requeueAfter()).isPresent();
    ReconcileOutcome second = reconciler.reconcile();
    assertThat(second.failures()).isEmpty();
    assertThat(reconciler.plan().isEmpty()).isTrue();
    assertThat(MockCluster.bsl(client, "lattice-production-s3")).isPresent();
  }

  @Test
  void bslAndSecretWritesAreServerSideApplyWithOurFieldManager() throws Exception {
    reconciler.reconcile();

    List<RecordedRequest> requests = MockCluster.drainRaw(server);
    List<RecordedRequest> applies =
        requests.stream()
            .filter(
                r ->
                    r.getPath().contains("/backupstoragelocations/")
                        || r.getPath().contains("/secrets/"))
            .filter(r -> !r.getMethod().equals("GET"))
            .toList();
    assertThat(applies).hasSize(3); // two BSLs, one mirrored Secret
    for (RecordedRequest r : applies) {
      assertThat(r.getMethod()).isEqualTo("PATCH");
      assertThat(r.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
      assertThat(r.getPath()).contains("fieldManager=lattice-backup").contains("force=true");
    }
    assertThat(
            client
                .secrets()
                .inNamespace("velero")
                .withName("lattice-local-minio-credentials")
                .get()
                .getMetadata()
                .getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "lattice-backup");
  }
}
