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

import static dev.lattice.backup.fabric8.real.RealCluster.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.fabric8.BackupStoreController;
import dev.lattice.backup.fabric8.Resources;
import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.reconcile.Reconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
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
    RealCluster.cleanSlate(admin);
    Map<String, Map<String, Long>> table = new LinkedHashMap<>();
    try (KubernetesClient client = cluster.controller()) {
      Reconciler reconciler = RealCluster.reconciler(client);
      try (BackupStoreController loop = RealCluster.controller(client).resync(RESYNC).start()) {
        for (int i = 0; i < STORES; i++) {
          RealCluster.store(admin, PLATFORM, "s" + i, i == 0, RealCluster.s3("bucket-" + i));
        }
        RealCluster.await(
            "every BSL", Duration.ofSeconds(180), () -> RealCluster.bsls(admin).size() == STORES);
        RealCluster.bsls(admin)
            .forEach(b -> RealCluster.veleroMarks(admin, b.getMetadata().getName(), "Available"));
        awaitQuiet(cluster, () -> allReady(admin, STORES));

        table.put(
            "one store created",
            measure(
                cluster,
                () -> {
                  RealCluster.store(admin, PLATFORM, "new", false, RealCluster.s3("bucket-new"));
                },
                () -> RealCluster.bslOf(admin, PLATFORM, "new").isPresent()));
        table.put(
            "one store changed",
            measure(
                cluster,
                () -> {
                  admin
                      .genericKubernetesResources(Resources.BACKUP_STORES)
                      .inNamespace(PLATFORM)
                      .withName("new")
                      .patch(
                          PatchContext.of(PatchType.JSON_MERGE),
                          "{\"spec\":{\"storage\":{\"s3\":{\"bucket\":\"bucket-changed\"}}}}");
                },
                () ->
                    RealCluster.bslOf(admin, PLATFORM, "new")
                        .map(b -> b.toString().contains("bucket-changed"))
                        .orElse(false)));
        table.put(
            "one store deleted",
            measure(
                cluster,
                () -> {
                  admin
                      .genericKubernetesResources(Resources.BACKUP_STORES)
                      .inNamespace(PLATFORM)
                      .withName("new")
                      .delete();
                },
                () -> RealCluster.getStore(admin, PLATFORM, "new").isEmpty()));
        // One resync period of the converged cluster: every store is reconciled from the cache.
        long mark = cluster.auditLog().mark();
        sleep(RESYNC.plusSeconds(5));
        List<AuditEvent> resync =
            RealCluster.controllerEvents(cluster, mark).stream()
                .filter(e -> !e.verb().equals("watch"))
                .toList();
        assertThat(resync).as("a converged resync writes nothing").noneMatch(AuditEvent::isWrite);
        assertThat(resync).as("a resync lists nothing").noneMatch(e -> e.verb().equals("list"));
        table.put("resync of " + STORES + " converged stores (one period)", count(resync));
      }
      // The baseline's way: a full pass through the plain (uncached) ports.
      long mark = cluster.auditLog().mark();
      assertThat(reconciler.reconcile().wasConverged()).isTrue();
      List<AuditEvent> full = RealCluster.controllerEvents(cluster, mark);
      assertThat(full).as("a converged full pass writes nothing").noneMatch(AuditEvent::isWrite);
      table.put("full pass over " + STORES + " converged stores, uncached ports", count(full));
    }
    String report = render(table);
    System.out.println(report);
    Files.writeString(Path.of("target", "request-counts.md"), report);
    assertThat(table.get("one store created")).isNotEmpty();
  }

  private static boolean allReady(KubernetesClient admin, int n) {
    return admin
            .genericKubernetesResources(Resources.BACKUP_STORES)
            .inNamespace(PLATFORM)
            .list()
            .getItems()
            .stream()
            .filter(s -> "Ready".equals(RealCluster.section(s, "status").get("phase")))
            .count()
        == n;
  }

  /** Waits for the condition, then until the controller has sent nothing for two seconds. */
  private static void awaitQuiet(ControlPlane cluster, BooleanSupplier condition) {
    RealCluster.await("the cluster to converge", Duration.ofSeconds(180), condition);
    long last = -1;
    while (true) {
      long mark = cluster.auditLog().mark();
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (RealCluster.controllerEvents(cluster, mark).isEmpty() && mark == last) {
        return;
      }
      last = cluster.auditLog().mark();
    }
  }

  private static Map<String, Long> measure(
      ControlPlane cluster, Runnable event, BooleanSupplier done) {
    long mark = cluster.auditLog().mark();
    event.run();
    awaitQuiet(cluster, done);
    return count(RealCluster.controllerEvents(cluster, mark));
  }

  /** Requests by verb and resource; long-running watches are not counted (they end later). */
  private static Map<String, Long> count(List<AuditEvent> events) {
    Map<String, Long> out = new TreeMap<>();
    for (AuditEvent e : events) {
      if (!e.verb().equals("watch")) {
        out.merge(e.verb() + " " + e.fullResource(), 1L, Long::sum);
      }
    }
    return out;
  }

  private static String render(Map<String, Map<String, Long>> table) {
    StringBuilder b =
        new StringBuilder("| event | requests | by verb and resource |\n|---|---:|---|\n");
    table.forEach(
        (event, counts) ->
            b.append("| ")
                .append(event)
                .append(" | ")
                .append(counts.values().stream().mapToLong(Long::longValue).sum())
                .append(" | ")
                .append(counts.toString().replaceAll("[{}]", ""))
                .append(" |\n"));
    return b.toString();
  }
}
