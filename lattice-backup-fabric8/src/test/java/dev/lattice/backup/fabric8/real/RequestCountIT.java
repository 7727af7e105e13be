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

import static dev.lattice.backup.testing.cluster.RequestCounts.count;
import static dev.lattice.backup.testing.cluster.RequestCounts.render;
import static dev.lattice.backup.testing.cluster.TestCluster.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.fabric8.runtime.BackupStoreController;
import dev.lattice.backup.fabric8.runtime.ControllerListener;
import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.reconcile.ReconcileOutcome;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.RequestCounts;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The controller's API requests, counted from the API server's audit log (user = the controller's
 * ServiceAccount), for one store created, changed and deleted among 100 converged stores, and for a
 * resync of the converged cluster. The table is written to {@code target/request-counts.md}. It
 * asserts the counts as upper bounds ({@link RequestCounts#LIFECYCLE_BOUNDS}), that a resync ran
 * (every store had a pass in the window) and sent no write and no list, and that a converged full
 * pass writes nothing.
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
      AtomicInteger storePasses = new AtomicInteger();
      ControllerListener passes =
          new ControllerListener() {
            @Override
            public void passed(Optional<String> store, ReconcileOutcome outcome, Duration took) {
              if (store.isPresent()) {
                storePasses.incrementAndGet();
              }
            }
          };
      // A credentials Secret is read again once per TTL, whatever the events: a periodic cost,
      // not an event's. With the default minute it could fall into any event's window.
      try (BackupStoreController loop =
          RealCluster.controller(client)
              .resync(RESYNC)
              .credentialsTtl(Duration.ofHours(1))
              .listener(passes)
              .start()) {
        RequestCounts.convergedStores(cluster, admin, STORES);

        table.putAll(
            RequestCounts.storeLifecycle(
                cluster, admin, () -> Lookups.bslOf(admin, PLATFORM, "new").isPresent()));
        // One resync period of the converged cluster: every store is reconciled from the cache.
        long mark = cluster.auditLog().mark();
        int passesBefore = storePasses.get();
        sleep(RESYNC.plusSeconds(5));
        assertThat(storePasses.get() - passesBefore)
            .as("the resync ran: every converged store had a pass in the window")
            .isGreaterThanOrEqualTo(STORES);
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
    RequestCounts.assertWithinLifecycleBounds(table);
  }
}
