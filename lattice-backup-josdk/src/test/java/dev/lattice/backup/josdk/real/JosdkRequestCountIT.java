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
package dev.lattice.backup.josdk.real;

import static dev.lattice.backup.josdk.real.JosdkCluster.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.fabric8.Resources;
import dev.lattice.backup.josdk.LatticeBackupOperator;
import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.AuditLog;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
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
 * The JOSDK controller's API requests, counted from the audit log as the fabric8 module's
 * RequestCountIT counts the standalone controller's, for the same events: one store created,
 * changed and deleted among 100 converged stores. The table goes to {@code
 * target/request-counts.md}; docs/josdk.md keeps the numbers next to the standalone controller's. A
 * measurement, not a timed test: it asserts only what holds whatever the counts (no store, BSL or
 * Secret list after the caches are filled).
 */
@ControlPlaneTest
class JosdkRequestCountIT {
  private static final int STORES = 100;

  @Test
  void countTheControllersRequestsPerEvent(ControlPlane cluster) throws IOException {
    KubernetesClient admin = cluster.admin();
    JosdkCluster.cleanSlate(admin);
    JosdkCluster.applyJosdkRbac(admin);
    Map<String, Map<String, Long>> table = new LinkedHashMap<>();
    Operator operator =
        new Operator(
            o -> o.withKubernetesClient(cluster.controller()).withCloseClientOnStop(false));
    try {
      LatticeBackupOperator.register(operator, ReconcileOptions.defaults());
      operator.start();
      for (int i = 0; i < STORES; i++) {
        s3Store(admin, "s" + i, i == 0);
      }
      JosdkCluster.await(
          "every BSL", Duration.ofSeconds(180), () -> JosdkCluster.bsls(admin).size() == STORES);
      JosdkCluster.bsls(admin)
          .forEach(b -> JosdkCluster.veleroMarks(admin, b.getMetadata().getName(), "Available"));
      awaitQuiet(cluster, () -> allReady(admin, STORES));

      table.put(
          "one store created",
          measure(
              cluster,
              () -> s3Store(admin, "new", false),
              () ->
                  JosdkCluster.bslOf(admin, PLATFORM, "new").isPresent()
                      && "Pending".equals(JosdkCluster.phase(admin, PLATFORM, "new"))));
      table.put(
          "one store changed",
          measure(
              cluster,
              () ->
                  admin
                      .genericKubernetesResources(Resources.BACKUP_STORES)
                      .inNamespace(PLATFORM)
                      .withName("new")
                      .patch(
                          PatchContext.of(PatchType.JSON_MERGE),
                          "{\"spec\":{\"storage\":{\"s3\":{\"bucket\":\"bucket-changed\"}}}}"),
              () ->
                  JosdkCluster.bslOf(admin, PLATFORM, "new")
                      .map(b -> b.toString().contains("bucket-changed"))
                      .orElse(false)));
      table.put(
          "one store deleted",
          measure(
              cluster,
              () ->
                  admin
                      .genericKubernetesResources(Resources.BACKUP_STORES)
                      .inNamespace(PLATFORM)
                      .withName("new")
                      .delete(),
              () -> JosdkCluster.getStore(admin, PLATFORM, "new").isEmpty()));
    } finally {
      operator.stop();
    }
    String report = render(table);
    System.out.println(report);
    Files.writeString(Path.of("target", "request-counts.md"), report);
    table.forEach(
        (event, counts) ->
            assertThat(counts.keySet())
                .as("lists after the caches are filled, for %s", event)
                .noneMatch(k -> k.startsWith("list ")));
  }

  static void s3Store(KubernetesClient admin, String name, boolean isDefault) {
    admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(PLATFORM)
        .resource(
            Serialization.unmarshal(
                "apiVersion: lattice.dev/v1alpha1\nkind: BackupStore\nmetadata: {name: "
                    + name
                    + ", namespace: "
                    + PLATFORM
                    + "}\nspec:\n  default: "
                    + isDefault
                    + "\n  storage: {provider: s3, s3: {bucket: bucket-"
                    + name
                    + ", region: us-east-1}, cloudProviderRef: aws-prod}\n",
                GenericKubernetesResource.class))
        .create();
  }

  private static boolean allReady(KubernetesClient admin, int n) {
    return admin
            .genericKubernetesResources(Resources.BACKUP_STORES)
            .inNamespace(PLATFORM)
            .list()
            .getItems()
            .stream()
            .filter(s -> "Ready".equals(JosdkCluster.section(s, "status").get("phase")))
            .count()
        == n;
  }

  private static List<AuditEvent> controllerEvents(ControlPlane cluster, long mark) {
    return cluster
        .auditLog()
        .since(
            mark, AuditLog.serviceAccountUser(PLATFORM, ControlPlane.CONTROLLER_SERVICE_ACCOUNT));
  }

  /** Waits for the condition, then until the controller has sent nothing for two seconds. */
  private static void awaitQuiet(ControlPlane cluster, BooleanSupplier condition) {
    JosdkCluster.await("the cluster to converge", Duration.ofSeconds(180), condition);
    long last = -1;
    while (true) {
      long mark = cluster.auditLog().mark();
      try {
        Thread.sleep(2000);
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

  private static Map<String, Long> measure(
      ControlPlane cluster, Runnable event, BooleanSupplier done) {
    long mark = cluster.auditLog().mark();
    event.run();
    awaitQuiet(cluster, done);
    return count(controllerEvents(cluster, mark));
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
