package dev.lattice.backup.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The informer-driven loop reacts to stores appearing, changing and going. */
class BackupStoreControllerTest {
  KubernetesMockServer server;
  KubernetesClient client;

  @BeforeEach
  void setUp() {
    server = MockCluster.start();
    client = server.createClient();
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.destroy();
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(50);
    }
  }

  @Test
  void storesAreReconciledAsTheyComeAndGo() throws Exception {
    Reconciler reconciler =
        new Reconciler(Fabric8Ports.create(client, "velero"), ReconcileOptions.defaults());
    try (BackupStoreController controller =
        BackupStoreController.start(client, reconciler, "velero", Duration.ofMinutes(10))) {
      MockCluster.create(client, MockCluster.seed("s3-store.yaml"));

      eventually(() -> MockCluster.bsl(client, "lattice-production-s3").isPresent());
      eventually(
          () ->
              MockCluster.store(client, "lattice-system", "production-s3")
                  .map(s -> "Pending".equals(MockCluster.section(s, "status").get("phase")))
                  .orElse(false));

      MockCluster.veleroMarks(client, "lattice-production-s3", "Available", "");
      eventually(
          () ->
              MockCluster.store(client, "lattice-system", "production-s3")
                  .map(s -> "Ready".equals(MockCluster.section(s, "status").get("phase")))
                  .orElse(false));

      client
          .genericKubernetesResources(Resources.BACKUP_STORES)
          .inNamespace("lattice-system")
          .withName("production-s3")
          .delete();
      eventually(() -> MockCluster.bsl(client, "lattice-production-s3").isEmpty());
      eventually(() -> MockCluster.store(client, "lattice-system", "production-s3").isEmpty());
    }
    assertThat(MockCluster.bsl(client, "lattice-production-s3")).isEmpty();
  }
}
