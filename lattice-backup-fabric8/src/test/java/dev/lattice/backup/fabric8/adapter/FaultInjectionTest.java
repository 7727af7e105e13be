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
package dev.lattice.backup.fabric8.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.reconcile.ReconcileOutcome;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults a real API server cannot be made to produce on demand, injected with fabric8's mock API
 * server: a 500 on one write, and Velero's API missing (the shared real control plane always has
 * Velero's CRDs). Everything else about the Kubernetes side runs against the real kube-apiserver in
 * the integration tests (dev.lattice.backup.fabric8.real).
 */
class FaultInjectionTest {
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
    TestCluster.secret(client, "lattice-system", "minio-creds", "minio-access-key");
    MockCluster.create(client, MockCluster.seed("s3-store.yaml"));
    MockCluster.create(client, MockCluster.seed("minio-store.yaml"));
    MockCluster.drain(server);
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
  void serverErrorsAreRetriedAndConverge() throws Exception {
    server
        .expect()
        .post()
        .withPath(
            "/apis/velero.io/v1/namespaces/velero/backupstoragelocations?fieldManager=lattice-backup")
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
        .containsExactly("Transient");
    assertThat(first.requeueAfter()).isPresent();
    ReconcileOutcome second = reconciler.reconcile();
    assertThat(second.failures()).isEmpty();
    assertThat(reconciler.plan().isEmpty()).isTrue();
    assertThat(MockCluster.bsl(client, "lattice-production-s3")).isPresent();
  }
}
