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

import static dev.lattice.backup.testcluster.RequestCounts.count;
import static dev.lattice.backup.testcluster.RequestCounts.render;
import static dev.lattice.backup.testcluster.TestCluster.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.fabric8.runtime.BackupStoreController;
import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.testcluster.RequestCounts;
import dev.lattice.backup.testcluster.TestCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The controller's API requests, counted from the API server's audit log (user = the controller's
 * ServiceAccount), for one store created, changed and deleted among 100 converged stores, and for a
 * resync of the converged cluster. The table is written to {@code target/request-counts.md}; the
 * CHANGELOG keeps the baseline. This is a measurement, not a timed test: it asserts only what must
 * hold whatever the counts (a converged resync writes nothing).
 */
@ControlPlaneTest
class RequestCountIT {
  private static final int STORES = 100;
  private static final Duration RESYNC = Duration.ofSeconds(15);

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void countTheControllersRequestsPerEvent(ControlPlane cluster) throws IOException {
    KubernetesClient admin = cluster.admin();
    TestCluster.cleanSlate(admin);
    Map<String, Map<String, Long>> table = new LinkedHashMap<>();
    try (KubernetesClient client = cluster.controller()) {
      Reconciler reconciler = RealCluster.reconciler(client);
      try (BackupStoreController loop = RealCluster.controller(client).resync(RESYNC).start()) {
        RequestCounts.convergedStores(cluster, admin, STORES);

        table.putAll(
            RequestCounts.storeLifecycle(
                cluster, admin, () -> TestCluster.bslOf(admin, PLATFORM, "new").isPresent()));
        // One resync period of the converged cluster: every store is reconciled from the cache.
        long mark = cluster.auditLog().mark();
        sleep(RESYNC.plusSeconds(5));
        List<AuditEvent> resync =
            RequestCounts.controllerEvents(cluster, mark).stream()
                .filter(e -> !e.verb().equals("watch"))
                .toList();
        assertThat(resync).as("a converged resync writes nothing").noneMatch(AuditEvent::isWrite);
        assertThat(resync).as("a resync lists nothing").noneMatch(e -> e.verb().equals("list"));
        table.put("resync of " + STORES + " converged stores (one period)", count(resync));
      }
      // The baseline's way: a full pass through the plain (uncached) ports.
      long mark = cluster.auditLog().mark();
      assertThat(reconciler.reconcile().wasConverged()).isTrue();
      List<AuditEvent> full = RequestCounts.controllerEvents(cluster, mark);
      assertThat(full).as("a converged full pass writes nothing").noneMatch(AuditEvent::isWrite);
      table.put("full pass over " + STORES + " converged stores, uncached ports", count(full));
    }
    String report = render(table);
    System.out.println(report);
    Files.writeString(Path.of("target", "request-counts.md"), report);
    assertThat(table.get("one store created")).isNotEmpty();
  }
}
