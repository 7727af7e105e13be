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

import static dev.lattice.backup.testing.cluster.RequestCounts.count;
import static dev.lattice.backup.testing.cluster.TestCluster.PLATFORM;
import static dev.lattice.backup.testing.cluster.TestCluster.VELERO;

import dev.lattice.backup.fabric8.adapter.Fabric8Ports;
import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.fabric8.runtime.BackupStoreController;
import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.RequestCounts;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Today's controller against the full-pass controller it replaced ({@link FullPassController}, the
 * baseline), in one run on the real control plane, as the restricted ServiceAccount, 4 workers
 * each: a burst of stores created at once (wall time until every BSL exists and every store has a
 * status; the controller's requests by verb and resource from the API server's audit log; CPU of
 * the test JVM, which runs the controller, and of the API server and etcd); one store changed among
 * 100 and among the burst; a resync of the converged cluster; the controller's heap after GC. Not
 * part of {@code verify}: {@code scripts/bench controller} runs it. Sizes: {@code
 * -Dlattice.bench.stores} (default 1000), {@code -Dlattice.bench.heap} (stores for a heap figure of
 * today's controller only, default 0), {@code -Dlattice.bench.baseline=false} to skip the baseline,
 * {@code -Dlattice.bench.cached=false} to skip today's controller's burst (the heap figure still
 * runs). Results: standard output and {@code target/controller-bench.md}.
 */
@ControlPlaneTest
class ControllerBenchmark {
  private static final int BURST = Integer.getInteger("lattice.bench.stores", 1000);
  private static final int HEAP = Integer.getInteger("lattice.bench.heap", 0);
  private static final boolean BASELINE =
      Boolean.parseBoolean(System.getProperty("lattice.bench.baseline", "true"));
  private static final boolean CACHED =
      Boolean.parseBoolean(System.getProperty("lattice.bench.cached", "true"));
  private static final Duration RESYNC = Duration.ofSeconds(30);
  private static final Duration CONVERGE = Duration.ofMinutes(20);

  private final List<String> report = new ArrayList<>();

  @Test
  void baselineAgainstTheCacheBackedController(ControlPlane cluster) throws Exception {
    report.add("| controller | measure | value |");
    report.add("|---|---|---|");
    if (CACHED) {
      run(cluster, "cache-backed", false);
    }
    if (BASELINE) {
      run(cluster, "full-pass (baseline)", true);
    }
    if (HEAP > 0) {
      heap(cluster, HEAP);
    }
    String text = String.join("\n", report) + "\n";
    System.out.println(text);
    Files.writeString(Path.of("target", "controller-bench.md"), text);
  }

  private void run(ControlPlane cluster, String name, boolean baseline) throws Exception {
    KubernetesClient admin = cluster.admin();
    // Among 100 stores: one change.
    fresh(admin);
    try (KubernetesClient client = cluster.controller();
        AutoCloseable c = start(client, baseline)) {
      create(admin, 0, 100);
      awaitConverged(admin, 100)
          .ifPresent(
              stuck -> {
                throw new AssertionError("100 stores: " + stuck);
              });
      veleroValidates(admin)
          .ifPresent(
              stuck -> {
                throw new AssertionError("100 stores: " + stuck);
              });
      awaitQuiet(cluster);
      row(
          name,
          "one store changed among 100: requests",
          requests(cluster, () -> change(admin, "s7")));
    }
    // A burst, one change among it, a resync, the heap.
    fresh(admin);
    long heapBefore = heapAfterGc();
    try (KubernetesClient client = cluster.controller();
        AutoCloseable c = start(client, baseline)) {
      long mark = cluster.auditLog().mark();
      long cpu0 = jvmCpuNanos();
      long work0 = workerCpuNanos();
      long server0 = serverCpuTicks();
      long t0 = System.nanoTime();
      create(admin, 0, BURST);
      Optional<String> stuck = awaitConverged(admin, BURST);
      long wall = System.nanoTime() - t0;
      if (stuck.isPresent()) {
        row(name, "burst of " + BURST + ": did not converge", stuck.get());
        return;
      }
      long cpu = jvmCpuNanos() - cpu0;
      long work = workerCpuNanos() - work0;
      long server = serverCpuTicks() - server0;
      awaitQuiet(cluster);
      Map<String, Long> burst = count(RequestCounts.controllerEvents(cluster, mark));
      long total = burst.values().stream().mapToLong(Long::longValue).sum();
      row(
          name,
          "burst of " + BURST + ": wall time to every BSL and status",
          String.format("%.1f s", wall / 1e9));
      row(
          name,
          "burst of " + BURST + ": requests (per store)",
          String.format("%d (%.2f): %s", total, (double) total / BURST, burst));
      row(
          name,
          "burst of "
              + BURST
              + ": CPU of the reconcile threads / the test JVM (controller, informers, the"
              + " admin's creates and polls) / API server and etcd",
          String.format("%.1f s / %.1f s / %.1f s", work / 1e9, cpu / 1e9, server / 100.0));
      Optional<String> notReady = veleroValidates(admin);
      if (notReady.isPresent()) {
        row(name, "after Velero marked every BSL Available: not every store Ready", notReady.get());
        return;
      }
      awaitQuiet(cluster);
      row(
          name,
          "one store changed among " + BURST + ": requests",
          requests(cluster, () -> change(admin, "s7")));
      long resyncMark = cluster.auditLog().mark();
      Thread.sleep(RESYNC.plusSeconds(10).toMillis());
      Map<String, Long> resync = count(RequestCounts.controllerEvents(cluster, resyncMark));
      row(
          name,
          "resync of "
              + BURST
              + " converged stores (one "
              + RESYNC.toSeconds()
              + " s period): requests",
          resync.toString());
      row(
          name,
          "heap after GC with " + BURST + " converged stores (delta)",
          mb(heapAfterGc() - heapBefore));
    }
  }

  /** Today's controller only: the heap after GC with many converged stores. */
  private void heap(ControlPlane cluster, int n) throws Exception {
    KubernetesClient admin = cluster.admin();
    fresh(admin);
    long heapBefore = heapAfterGc();
    try (KubernetesClient client = cluster.controller();
        AutoCloseable c = start(client, false)) {
      long t0 = System.nanoTime();
      create(admin, 0, n);
      Optional<String> stuck = awaitConverged(admin, n);
      if (stuck.isPresent()) {
        row("cache-backed", n + " stores created at once: did not converge", stuck.get());
        return;
      }
      row(
          "cache-backed",
          n + " stores created at once: wall time to every BSL and status",
          String.format("%.1f s", (System.nanoTime() - t0) / 1e9));
      row(
          "cache-backed",
          "heap after GC with " + n + " converged stores (delta)",
          mb(heapAfterGc() - heapBefore));
    }
  }

  private static AutoCloseable start(KubernetesClient client, boolean baseline) {
    return baseline
        ? FullPassController.start(
            client,
            new Reconciler(Fabric8Ports.create(client, VELERO), ReconcileOptions.defaults()),
            VELERO,
            RESYNC,
            4)
        : BackupStoreController.builder(client, ReconcileOptions.defaults())
            .workers(4)
            .resync(RESYNC)
            .start();
  }

  private static void fresh(KubernetesClient admin) {
    TestCluster.cleanSlate(admin);
    TestCluster.secret(admin, VELERO, "velero-credentials-aws-prod", "[default]\n");
  }

  /** Creates stores s{from}..s{to-1} from 8 threads; s0 asks to be the default. */
  private static void create(KubernetesClient admin, int from, int to) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = from; i < to; i++) {
      int n = i;
      pool.execute(
          () -> TestCluster.store(admin, PLATFORM, "s" + n, n == 0, TestCluster.s3("bucket-" + n)));
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
  }

  private static void change(KubernetesClient admin, String store) {
    admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(PLATFORM)
        .withName(store)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"storage\":{\"s3\":{\"bucket\":\"changed\"}}}}");
    TestCluster.await(
        "the change reaches the BSL",
        Duration.ofMinutes(5),
        () ->
            Lookups.bslOf(admin, PLATFORM, store)
                .map(b -> b.toString().contains("changed"))
                .orElse(false));
  }

  /**
   * Polls (every second, every 5 s past 2,000 stores, so as not to load the server) for
   * convergence.
   */
  private static Optional<String> awaitConverged(KubernetesClient admin, int n)
      throws InterruptedException {
    long deadline = System.nanoTime() + CONVERGE.toNanos();
    long pause = n > 2000 ? 5000 : 1000;
    while (true) {
      int bsls = Lookups.bsls(admin).size();
      List<GenericKubernetesResource> stores = Lookups.stores(admin);
      long withStatus =
          stores.stream()
              .filter(s -> TestCluster.section(s, "status").get("phase") != null)
              .count();
      if (bsls == n && stores.size() == n && withStatus == n) {
        return Optional.empty();
      }
      if (System.nanoTime() > deadline) {
        return Optional.of(
            String.format(
                "after %d min: %d of %d BSLs, %d stores with a status",
                CONVERGE.toMinutes(), bsls, n, withStatus));
      }
      Thread.sleep(pause);
    }
  }

  private String requests(ControlPlane cluster, Runnable event) {
    long mark = cluster.auditLog().mark();
    event.run();
    awaitQuiet(cluster);
    Map<String, Long> c = count(RequestCounts.controllerEvents(cluster, mark));
    return c.values().stream().mapToLong(Long::longValue).sum() + ": " + c;
  }

  /**
   * Until the controller has written nothing for three seconds (at most two minutes: the baseline
   * lists on every requeue, so it is never silent).
   */
  private static void awaitQuiet(ControlPlane cluster) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      long mark = cluster.auditLog().mark();
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (RequestCounts.controllerEvents(cluster, mark).stream().noneMatch(AuditEvent::isWrite)) {
        return;
      }
    }
  }

  /**
   * Plays Velero: every BSL Available, so that the stores are Ready and nothing waits; says how far
   * the stores got when they are not all Ready within the convergence limit.
   */
  private static Optional<String> veleroValidates(KubernetesClient admin)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (GenericKubernetesResource b : Lookups.bsls(admin)) {
      pool.execute(() -> TestCluster.veleroMarks(admin, b.getMetadata().getName(), "Available"));
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    long deadline = System.nanoTime() + CONVERGE.toNanos();
    while (true) {
      List<GenericKubernetesResource> stores = Lookups.stores(admin);
      long ready =
          stores.stream()
              .filter(s -> "Ready".equals(TestCluster.section(s, "status").get("phase")))
              .count();
      if (ready == stores.size()) {
        return Optional.empty();
      }
      if (System.nanoTime() >= deadline) {
        return Optional.of(
            String.format(
                "%d of %d Ready after %d min", ready, stores.size(), CONVERGE.toMinutes()));
      }
      Thread.sleep(2000);
    }
  }

  private void row(String controller, String measure, String value) {
    String line = "| " + controller + " | " + measure + " | " + value + " |";
    System.out.println(line);
    report.add(line);
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String mb(long bytes) {
    return String.format("%.1f MB", bytes / 1048576.0);
  }

  /** CPU time of the threads that reconcile (named lattice-backup-*), alive now. */
  private static long workerCpuNanos() {
    var threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("lattice-backup-")) {
        long c = threads.getThreadCpuTime(t.getId());
        sum += Math.max(c, 0);
      }
    }
    return sum;
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** User and system CPU, in clock ticks (1/100 s), of the control plane's processes. */
  private static long serverCpuTicks() {
    long ticks = 0;
    for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
      String cmd = p.info().command().orElse("");
      if (cmd.contains("lattice-control-plane")
          || cmd.contains("kube-apiserver")
          || cmd.contains("etcd")) {
        try {
          String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
          // gone meanwhile
        }
      }
    }
    return ticks;
  }
}
