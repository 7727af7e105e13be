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
package dev.lattice.backup.testcluster;

import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.AuditLog;
import dev.lattice.backup.junit.ControlPlane;
import java.time.Duration;
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
