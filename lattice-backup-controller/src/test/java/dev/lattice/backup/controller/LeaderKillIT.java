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
package dev.lattice.backup.controller;

import static dev.lattice.backup.testing.cluster.TestCluster.PLATFORM;
import static dev.lattice.backup.testing.cluster.TestCluster.VELERO;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of {@code lattice-backup-controller}, each a process of its own on the real control
 * plane, as the restricted ServiceAccount: the leader is killed ({@code SIGKILL}) in the middle of
 * a burst of stores; the other holds the Lease (its acquireTime) within the Lease's duration of the
 * kill plus one retry ({@link ControllerProcesses#longestRetry()}) plus {@link
 * ControllerProcesses#ALLOWANCE}, and finishes the work; a watch on every BSL never sees two of
 * ours as the default; the audit log shows that the standby sent requests but wrote nothing (no
 * create, update, patch or delete of anything, the Lease included) before it held the Lease, so
 * nothing while the leader lived; both serve their probes and metrics.
 */
@ControlPlaneTest
class LeaderKillIT {
  private static final String LEASE = "lattice-backup-leader-kill-it";
  private static final int STORES = 120;
  private static final Duration LEASE_DURATION = Duration.ofSeconds(6);

  @TempDir Path dir;

  /** Counts, from a watch on every BSL, moments when two of ours were the default. */
  private static final class Defaults implements Watcher<GenericKubernetesResource> {
    final Map<String, Boolean> isDefault = new HashMap<>();
    int events;
    int violations;

    @Override
    public synchronized void eventReceived(Action action, GenericKubernetesResource bsl) {
      events++;
      boolean on = action != Action.DELETED && Lookups.isDefault(bsl);
      isDefault.put(bsl.getMetadata().getName(), on);
      if (isDefault.values().stream().filter(b -> b).count() > 1) {
        violations++;
      }
    }

    @Override
    public void onClose(WatcherException cause) {}
  }

  @Test
  void theStandbyTakesOverWithinTheLeaseAfterTheLeaderIsKilledMidBurstAndNeverTwoDefaults(
      ControlPlane cluster) throws Exception {
    KubernetesClient admin = cluster.admin();
    ControllerProcesses replicas =
        new ControllerProcesses(cluster, dir, "leader-kill", LEASE, LEASE_DURATION);
    replicas.prepare(admin);
    int portA = ControllerProcesses.freePort();
    int portB = ControllerProcesses.freePort();
    Defaults defaults = new Defaults();
    try (Watch watch =
        admin
            .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
            .inNamespace(VELERO)
            .watch(defaults)) {
      Process a = replicas.startLeader(admin, "replica-a", portA);
      replicas.startStandby("replica-b", portB, Map.of());
      long mark = cluster.auditLog().mark();

      Instant killed = Instant.EPOCH;
      store(admin, "s0", true);
      for (int i = 1; i < STORES; i++) {
        store(admin, "s" + i, i == STORES / 2);
        if (i == STORES / 3) {
          TestCluster.await(
              "some BSLs exist", Duration.ofSeconds(60), () -> Lookups.bsls(admin).size() >= 10);
          killed = Instant.now();
          a.destroyForcibly().waitFor();
        }
      }
      TestCluster.await(
          "replica-b leads",
          Duration.ofSeconds(60),
          () -> replicas.holder(admin).equals(Optional.of("replica-b")));
      Instant acquired = replicas.lease(admin).orElseThrow().getSpec().getAcquireTime().toInstant();
      Duration takeover = Duration.between(killed, acquired);
      Duration bound =
          LEASE_DURATION.plus(replicas.longestRetry()).plus(ControllerProcesses.ALLOWANCE);
      TestCluster.await(
          "every store has its BSL and a status",
          Duration.ofSeconds(180),
          () -> Lookups.bsls(admin).size() == STORES && allHaveStatus(admin));
      // The default moves: s0 lets go; the other store that asks, s60, takes it.
      TestCluster.patchStore(admin, PLATFORM, "s0", "{\"spec\":{\"default\":false}}");
      TestCluster.await(
          "s" + STORES / 2 + " is the default",
          Duration.ofSeconds(60),
          () -> defaultOwner(admin).equals(Optional.of("s" + STORES / 2)));

      List<ReplicaRequest> requests = ReplicaRequest.since(cluster, mark);
      Instant kill = killed;
      assertThat(requests)
          .as("replica-b's requests before the kill (its reads: the filter finds it)")
          .anyMatch(r -> r.identity().equals("replica-b") && r.received().isBefore(kill));
      assertThat(
              requests.stream()
                  .filter(
                      r ->
                          r.identity().equals("replica-b")
                              && r.isWrite()
                              && r.received().isBefore(acquired))
                  .toList())
          .as("replica-b's writes received before its acquireTime %s (kill %s)", acquired, kill)
          .isEmpty();
      assertThat(requests)
          .as("the new leader's writes")
          .anyMatch(
              r ->
                  r.identity().equals("replica-b")
                      && r.isWrite()
                      && !"leases".equals(r.resource()));
      assertThat(requests)
          .as("the first leader wrote before it was killed")
          .anyMatch(
              r ->
                  r.identity().equals("replica-a")
                      && r.isWrite()
                      && !"leases".equals(r.resource()));
      assertThat(takeover)
          .as("from the kill to replica-b's acquireTime")
          .isPositive()
          .isLessThanOrEqualTo(bound);
      System.out.printf(
          "LeaderKillIT: takeover %d ms after the kill (bound %d ms)%n",
          takeover.toMillis(), bound.toMillis());
      synchronized (defaults) {
        assertThat(defaults.events).isGreaterThan(STORES);
        assertThat(defaults.violations).as("moments with two defaults").isZero();
      }
      String metrics = ControllerProcesses.body(portB, "/metrics");
      assertThat(metrics)
          .contains("lattice_backup_reconciles_total{result=\"success\",scope=\"store\"}")
          .contains("lattice_backup_api_requests_total{resource=\"backupstoragelocations\"")
          .contains("lattice_backup_leader 1.0")
          .contains("lattice_backup_queue_depth");
      assertThat(ControllerProcesses.status(portB, "/healthz")).isEqualTo(200);
      // Structured logs: every line of the survivor's log is a JSON object with a level and a
      // formatted message.
      List<String> lines = Files.readAllLines(replicas.log("replica-b"));
      assertThat(lines).isNotEmpty();
      ObjectMapper json = new ObjectMapper();
      for (String line : lines) {
        var node = json.readTree(line);
        assertThat(node.path("level").asText()).isNotEmpty();
        assertThat(node.has("formattedMessage")).as(line).isTrue();
      }
      assertThat(lines).anySatisfy(l -> assertThat(l).contains("started: velero namespace velero"));
    } finally {
      replicas.stopAll();
      replicas.clean(admin);
    }
  }

  private static boolean allHaveStatus(KubernetesClient admin) {
    List<GenericKubernetesResource> stores = Lookups.stores(admin);
    return stores.size() == STORES
        && stores.stream().allMatch(s -> TestCluster.section(s, "status").get("phase") != null);
  }

  private static Optional<String> defaultOwner(KubernetesClient admin) {
    return Lookups.bsls(admin).stream()
        .filter(Lookups::isDefault)
        .map(b -> b.getMetadata().getLabels().get("lattice.dev/backup-store-name"))
        .findFirst();
  }

  private static void store(KubernetesClient admin, String name, boolean isDefault) {
    TestCluster.store(admin, PLATFORM, name, isDefault, TestCluster.s3("bucket-" + name));
  }
}
