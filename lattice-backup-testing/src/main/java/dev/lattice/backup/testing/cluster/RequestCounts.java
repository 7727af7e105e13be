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
package dev.lattice.backup.testing.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.AuditLog;
import dev.lattice.backup.junit.ControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The controller's API requests, counted from the control plane's audit log (user = the
 * controller's ServiceAccount): by verb and resource for one event, and a Markdown table of such
 * counts. Long-running watches are never counted: they end long after the event.
 */
public final class RequestCounts {
  /** The controller's user name in the audit log: its ServiceAccount's. */
  public static final String CONTROLLER =
      AuditLog.serviceAccountUser(
          ControlPlane.CONTROLLER_NAMESPACE, ControlPlane.CONTROLLER_SERVICE_ACCOUNT);

  private static final Duration CONVERGE = Duration.ofSeconds(180);
  private static final long QUIET_MILLIS = 2000;

  private RequestCounts() {}

  /**
   * The starting point of a measurement: {@code n} converged stores. Creates stores {@code s0} to
   * {@code s<n-1>} in the platform's namespace ({@code s0} asks to be the default; native S3,
   * bucket {@code bucket-s<i>}), waits (up to three minutes) for their BSLs, marks every BSL {@code
   * Available} as Velero would, then waits until every store is Ready and the controller is quiet
   * ({@link #awaitQuiet}).
   *
   * @param cluster the control plane, where a controller runs
   * @param admin the client that plays the user and Velero
   * @param n how many stores
   */
  public static void convergedStores(ControlPlane cluster, KubernetesClient admin, int n) {
    for (int i = 0; i < n; i++) {
      TestCluster.store(
          admin, TestCluster.PLATFORM, "s" + i, i == 0, TestCluster.s3("bucket-s" + i));
    }
    TestCluster.await("every BSL", CONVERGE, () -> Lookups.bsls(admin).size() == n);
    Lookups.bsls(admin)
        .forEach(b -> TestCluster.veleroMarks(admin, b.getMetadata().getName(), "Available"));
    awaitQuiet(cluster, () -> Lookups.readyStores(admin) == n);
  }

  /**
   * The controller's requests logged after a mark.
   *
   * @param cluster the control plane
   * @param mark a position from {@code cluster.auditLog().mark()}
   * @return the requests, in the order the server completed them, watches included
   */
  public static List<AuditEvent> controllerEvents(ControlPlane cluster, long mark) {
    return cluster.auditLog().since(mark, CONTROLLER);
  }

  /**
   * Requests by verb and resource, watches left out.
   *
   * @param events the requests
   * @return how many of each, keyed {@code verb resource[/subresource]}, sorted by key
   */
  public static Map<String, Long> count(List<AuditEvent> events) {
    Map<String, Long> out = new TreeMap<>();
    for (AuditEvent e : events) {
      if (!e.verb().equals("watch")) {
        out.merge(e.verb() + " " + e.fullResource(), 1L, Long::sum);
      }
    }
    return out;
  }

  /**
   * Waits (up to three minutes) for the condition, then until the controller has sent nothing for
   * two seconds: a two-second window without a request of the controller's, which begins where the
   * window before it ended (nothing was logged in between).
   *
   * @param cluster the control plane
   * @param condition what marks the cluster as converged
   */
  public static void awaitQuiet(ControlPlane cluster, BooleanSupplier condition) {
    TestCluster.await("the cluster to converge", CONVERGE, condition);
    long last = -1;
    while (true) {
      long mark = cluster.auditLog().mark();
      try {
        Thread.sleep(QUIET_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (controllerEvents(cluster, mark).isEmpty() && mark == last) {
        return;
      }
      last = cluster.auditLog().mark();
    }
  }

  /**
   * The controller's requests for one event: from just before the event until the cluster is done
   * with it and the controller is quiet ({@link #awaitQuiet}).
   *
   * @param cluster the control plane
   * @param event what the test does, such as creating a store
   * @param done what holds once the controller has handled the event
   * @return the requests by verb and resource, as {@link #count} gives them
   */
  public static Map<String, Long> measure(
      ControlPlane cluster, Runnable event, BooleanSupplier done) {
    long mark = cluster.auditLog().mark();
    event.run();
    awaitQuiet(cluster, done);
    return count(controllerEvents(cluster, mark));
  }

  /**
   * The requests for one store's life among converged ones: a store {@code new} created in the
   * platform's namespace (native S3, bucket {@code bucket-new}), its bucket changed to {@code
   * bucket-changed}, then deleted; each event measured ({@link #measure}) until the controller is
   * done with it and quiet.
   *
   * @param cluster the control plane, where a controller runs
   * @param admin the client that plays the user
   * @param created what holds once the controller has handled the new store (its BSL exists, say)
   * @return the rows {@code one store created}, {@code one store changed} and {@code one store
   *     deleted}, in this order
   */
  public static Map<String, Map<String, Long>> storeLifecycle(
      ControlPlane cluster, KubernetesClient admin, BooleanSupplier created) {
    String ns = TestCluster.PLATFORM;
    Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
    rows.put(
        "one store created",
        measure(
            cluster,
            () -> TestCluster.store(admin, ns, "new", false, TestCluster.s3("bucket-new")),
            created));
    rows.put(
        "one store changed",
        measure(
            cluster,
            () ->
                TestCluster.patchStore(
                    admin,
                    ns,
                    "new",
                    "{\"spec\":{\"storage\":{\"s3\":{\"bucket\":\"bucket-changed\"}}}}"),
            () ->
                Lookups.bslOf(admin, ns, "new")
                    .map(b -> b.toString().contains("bucket-changed"))
                    .orElse(false)));
    rows.put(
        "one store deleted",
        measure(
            cluster,
            () -> TestCluster.deleteStore(admin, ns, "new"),
            () -> Lookups.getStore(admin, ns, "new").isEmpty()));
    return rows;
  }

  /**
   * The most requests each event of {@link #storeLifecycle} may cost a controller (watches not
   * counted): a new store without mirrored credentials 4 (create and patch its BSL, the finalizer,
   * the status), a change 2 (the BSL, the status), a deletion 2 (the BSL, the finalizer).
   */
  public static final Map<String, Long> LIFECYCLE_BOUNDS =
      Map.of("one store created", 4L, "one store changed", 2L, "one store deleted", 2L);

  /**
   * Asserts that every event of {@link #storeLifecycle} cost at most its bound in {@link
   * #LIFECYCLE_BOUNDS}, and at least one request (an event the controller never saw is no
   * measurement).
   *
   * @param table the rows {@link #storeLifecycle} gave
   */
  public static void assertWithinLifecycleBounds(Map<String, Map<String, Long>> table) {
    assertWithinBounds(table, LIFECYCLE_BOUNDS);
  }

  /**
   * Asserts that every event named in {@code bounds} cost at least one request and at most its
   * bound.
   *
   * @param table the counts per event
   * @param bounds the most requests per event
   */
  public static void assertWithinBounds(
      Map<String, Map<String, Long>> table, Map<String, Long> bounds) {
    bounds.forEach(
        (event, bound) -> {
          Map<String, Long> counts = table.getOrDefault(event, Map.of());
          long total = counts.values().stream().mapToLong(Long::longValue).sum();
          assertThat(total).as("requests for %s: %s", event, counts).isBetween(1L, bound);
        });
  }

  /**
   * A Markdown table of counts: a row per event, in the map's order, with the number of requests
   * and the requests by verb and resource.
   *
   * @param table the counts per event, such as {@link #measure} gives them
   * @return the table, each line ending with a line break
   */
  public static String render(Map<String, Map<String, Long>> table) {
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
