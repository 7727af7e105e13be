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

import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.RequestCounts;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Per-store reconciles run concurrently on several workers, as operator frameworks run them, over
 * one reconciler, on the real API server: while the default moves from store to store, a watch on
 * every BSL change never sees two defaults, and no BSL is created before its own store carries the
 * finalizer (read from the audit log's order).
 */
@ControlPlaneTest
class ConcurrentReconcileIT {
  private static final int STORES = 6;
  private static final int WORKERS = 4;

  @Test
  void concurrentPerStoreReconcilesNeverMakeTwoDefaultsNorABslBeforeItsStoresFinalizer(
      ControlPlane cluster) throws Exception {
    KubernetesClient admin = cluster.admin();
    TestCluster.cleanSlate(admin);
    for (int i = 0; i < STORES; i++) {
      TestCluster.store(admin, PLATFORM, "c" + i, i == 0, TestCluster.s3("bucket-c" + i));
    }
    long mark = cluster.auditLog().mark();
    ControllerIT.DefaultRecorder recorder = new ControllerIT.DefaultRecorder();
    Random random = new Random(42);
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    try (KubernetesClient client = cluster.controller();
        Watch watch =
            admin
                .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
                .inNamespace(VELERO)
                .watch(recorder)) {
      Reconciler reconciler = RealCluster.reconciler(client);
      // Workers reconcile random stores without pause while the default keeps moving under them,
      // so passes plan from states that are already stale when they write.
      java.util.concurrent.atomic.AtomicBoolean moving =
          new java.util.concurrent.atomic.AtomicBoolean(true);
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        Random mine = new Random(w);
        running.add(
            workers.submit(
                () -> {
                  while (moving.get()) {
                    reconciler.reconcile(PLATFORM, "c" + mine.nextInt(STORES));
                  }
                }));
      }
      int current = 0;
      for (int move = 0; move < 25; move++) {
        int next = (current + 1 + random.nextInt(STORES - 1)) % STORES;
        setDefault(admin, "c" + next, true);
        setDefault(admin, "c" + current, false);
        current = next;
        Thread.sleep(40 + random.nextInt(80));
      }
      moving.set(false);
      for (Future<?> f : running) {
        f.get();
      }
      String expected = "c" + current;
      TestCluster.await(
          "the last default to settle",
          () -> {
            reconciler.reconcile(PLATFORM, expected);
            return Lookups.bsls(admin).stream()
                .filter(Lookups::isDefault)
                .map(b -> b.getMetadata().getLabels().get("lattice.dev/backup-store-name"))
                .toList()
                .equals(List.of(expected));
          });
    } finally {
      workers.shutdownNow();
    }
    synchronized (recorder) {
      assertThat(recorder.events).isGreaterThan(STORES);
      assertThat(recorder.violations).as("moments with two default BSLs").isEmpty();
    }

    Map<String, String> owners = new HashMap<>();
    for (GenericKubernetesResource b : Lookups.bsls(admin)) {
      owners.put(
          b.getMetadata().getName(),
          b.getMetadata().getLabels().get("lattice.dev/backup-store-name"));
    }
    List<AuditEvent> events = RequestCounts.controllerEvents(cluster, mark);
    int creates = 0;
    for (int i = 0; i < events.size(); i++) {
      AuditEvent e = events.get(i);
      if (e.resource().equals("backupstoragelocations")
          && e.verb().equals("create")
          && e.code() == 201) {
        creates++;
        String store = owners.get(e.name());
        boolean finalizerFirst =
            events.subList(0, i).stream()
                .anyMatch(
                    u ->
                        u.resource().equals("backupstores")
                            && u.subresource().isEmpty()
                            && u.verb().equals("update")
                            && u.name().equals(store)
                            && u.code() == 200);
        assertThat(finalizerFirst)
            .as("BSL %s created before store %s had its finalizer", e.name(), store)
            .isTrue();
      }
    }
    assertThat(creates).as("BSL creates seen in the audit log").isEqualTo(STORES);
  }

  private static void setDefault(KubernetesClient admin, String name, boolean value) {
    admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(PLATFORM)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"default\":" + value + "}}");
  }
}
