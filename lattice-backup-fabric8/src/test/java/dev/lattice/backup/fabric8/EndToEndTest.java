package dev.lattice.backup.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.reconcile.ReconcileOutcome;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
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

    System.out.println(
        "DEBUG stored "
            + StoreAdapter.toModel(
                    MockCluster.store(client, "lattice-system", "production-s3").orElseThrow())
                .status());
    MockCluster.drain(server);
    ReconcileOutcome converged = reconciler.reconcile();
    List<String> requests = MockCluster.drain(server);
    assertThat(converged.writes()).isZero();
    assertThat(requests).isNotEmpty();
    assertThat(MockCluster.writes(requests)).isEmpty();
  }
}
