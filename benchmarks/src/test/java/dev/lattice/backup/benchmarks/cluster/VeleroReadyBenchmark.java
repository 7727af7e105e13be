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
package dev.lattice.backup.benchmarks.cluster;

import static dev.lattice.backup.testing.cluster.TestCluster.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.fabric8.runtime.BackupStoreController;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.junit.ObjectStore;
import dev.lattice.backup.junit.Velero;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not a test of speed (run by {@code scripts/bench velero}, not by {@code verify}):
 * the time from creating stores to every one of them Ready, with real Velero validating their
 * locations against S3Proxy and {@link BackupStoreController} running as in production. One store,
 * then 50 at once; each size three times. Beside it, in the same run, Velero's own validation
 * period, the floor of any such time. Results go to standard output and {@code
 * target/velero-ready.txt}.
 */
@ControlPlaneTest
class VeleroReadyBenchmark {
  private static final Duration VALIDATION = Duration.ofSeconds(1);

  @Test
  void timeFromCreateToReady(ControlPlane cluster) throws Exception {
    KubernetesClient admin = cluster.admin();
    List<String> lines = new ArrayList<>();
    lines.add("Velero store validation period: " + VALIDATION.toMillis() + " ms");
    try (ObjectStore objects = ObjectStore.start();
        Velero velero =
            Velero.builder(cluster)
                .objectStore(objects)
                .storeValidationFrequency(VALIDATION)
                .start()) {
      for (int size : new int[] {1, 50, 1, 50, 1, 50}) {
        TestCluster.cleanSlate(admin);
        TestCluster.secret(admin, PLATFORM, "creds", objects.credentialsFile());
        for (int i = 0; i < size; i++) {
          objects.createBucket("bench-" + i);
        }
        try (KubernetesClient client = cluster.controller();
            BackupStoreController controller =
                BackupStoreController.builder(client, ReconcileOptions.defaults()).start()) {
          long start = System.nanoTime();
          for (int i = 0; i < size; i++) {
            TestCluster.store(
                admin, PLATFORM, "bench-" + i, i == 0, TestCluster.minio("bench-" + i));
          }
          TestCluster.await(
              size + " stores Ready", Duration.ofMinutes(5), () -> readyCount(admin) == size);
          long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
          lines.add(size + " store(s): all Ready " + ms + " ms after the first create");
        }
        for (int i = 0; i < size; i++) {
          objects.deleteBucket("bench-" + i);
        }
      }
      TestCluster.cleanSlate(admin);
    }
    lines.forEach(System.out::println);
    Files.write(Path.of("target", "velero-ready.txt"), lines);
    assertThat(lines).hasSize(7);
  }

  private static long readyCount(KubernetesClient admin) {
    return admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(PLATFORM)
        .list()
        .getItems()
        .stream()
        .map((GenericKubernetesResource s) -> TestCluster.section(s, "status").get("phase"))
        .filter("Ready"::equals)
        .count();
  }
}
