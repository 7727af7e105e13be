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
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graceful stop on the real control plane: the leader, a process of its own, gets SIGTERM in the
 * middle of a burst of stores while a standby waits. It must exit 143 within {@link #STOP_BOUND},
 * release the Lease on its way out (holder cleared, duration 1 s, as fabric8's {@code
 * releaseOnCancel} writes it), write nothing after the release, and the standby must take the Lease
 * within one retry of the release ({@link ControllerProcesses#longestRetry()} plus {@link
 * ControllerProcesses#ALLOWANCE}), long before the Lease would have expired, and finish the work.
 * The standby logs at {@code DEBUG}; once it leads, tenant stores are planted ({@link
 * PlantedSecrets}) whose Secrets and {@code spec.storage} hold a password and a token, and its JSON
 * log must hold no piece of either.
 */
@ControlPlaneTest
class GracefulStopIT {
  private static final String LEASE = "lattice-backup-graceful-stop-it";

  /** The program's default. */
  private static final Duration LEASE_DURATION = Duration.ofSeconds(15);

  /** From SIGTERM to the process's end; Kubernetes kills after 30 s (its default grace period). */
  private static final Duration STOP_BOUND = Duration.ofSeconds(10);

  private static final int STORES = 40;

  @TempDir Path dir;

  /** Every state of the Lease a watch sees, in order. */
  private static final class History implements Watcher<Lease> {
    final List<LeaseSpec> states = new ArrayList<>();

    @Override
    public synchronized void eventReceived(Action action, Lease lease) {
      if (action != Action.DELETED) {
        states.add(lease.getSpec());
      }
    }

    @Override
    public void onClose(WatcherException cause) {}
  }

  @Test
  void onSigtermTheLeaderStopsWorkReleasesTheLeaseAndExits143AndTheStandbyTakesOverAtOnce(
      ControlPlane cluster) throws Exception {
    KubernetesClient admin = cluster.admin();
    ControllerProcesses replicas =
        new ControllerProcesses(cluster, dir, "graceful-stop", LEASE, LEASE_DURATION);
    replicas.prepare(admin);
    int portA = ControllerProcesses.freePort();
    int portB = ControllerProcesses.freePort();
    History history = new History();
    try (Watch watch = admin.leases().inNamespace(PLATFORM).withName(LEASE).watch(history)) {
      Process a = replicas.startLeader(admin, "replica-a", portA);
      TestCluster.store(admin, PLATFORM, "s0", true, TestCluster.s3("bucket-s0"));
      TestCluster.await(
          "replica-a converged s0", Duration.ofSeconds(60), () -> storeHasStatus(admin, "s0"));
      // The standby logs at every level: after the take-over it handles the planted stores.
      replicas.startStandby("replica-b", portB, Map.of("LATTICE_LOG_LEVEL", "DEBUG"));
      long mark = cluster.auditLog().mark();

      for (int i = 1; i < STORES; i++) {
        TestCluster.store(admin, PLATFORM, "s" + i, false, TestCluster.s3("bucket-s" + i));
      }
      TestCluster.await(
          "replica-a is at work on the burst",
          Duration.ofSeconds(60),
          () -> Lookups.bsls(admin).size() >= 5);
      long term = System.nanoTime();
      a.destroy(); // SIGTERM
      boolean exited = a.waitFor(STOP_BOUND.toMillis() + 20_000, TimeUnit.MILLISECONDS);
      Duration stop = Duration.ofNanos(System.nanoTime() - term);
      assertThat(exited).as("replica-a exited").isTrue();
      assertThat(a.exitValue()).as("replica-a's exit status").isEqualTo(143);
      assertThat(stop).as("from SIGTERM to exit").isLessThanOrEqualTo(STOP_BOUND);

      TestCluster.await(
          "replica-b leads",
          Duration.ofSeconds(30),
          () -> replicas.holder(admin).equals(Optional.of("replica-b")));
      TestCluster.await(
          "every store has its BSL and a status",
          Duration.ofSeconds(180),
          () ->
              Lookups.bsls(admin).size() == STORES
                  && Lookups.stores(admin).stream()
                      .allMatch(s -> TestCluster.section(s, "status").get("phase") != null));

      List<LeaseSpec> states;
      synchronized (history) {
        states = List.copyOf(history.states);
      }
      int firstB = indexOf(states, "replica-b");
      assertThat(firstB)
          .as("replica-b's first state of the Lease, after replica-a's, in %s", states)
          .isGreaterThanOrEqualTo(2);
      // fabric8 7.9's release keeps the holder but cuts the duration to 1 s from now: the Lease
      // expires a second later, and a standby takes it at its next try after that.
      LeaseSpec released = states.get(firstB - 1);
      assertThat(released.getLeaseDurationSeconds())
          .as("the state before replica-b's: replica-a's release, in %s", states)
          .isEqualTo(1);
      assertThat(released.getHolderIdentity()).isIn(null, "", "replica-a");
      assertThat(states.get(firstB - 2).getHolderIdentity()).isEqualTo("replica-a");
      assertThat(states.get(firstB - 2).getLeaseDurationSeconds())
          .isEqualTo((int) LEASE_DURATION.toSeconds());
      Duration takeover =
          Duration.between(
              released.getRenewTime().toInstant(), states.get(firstB).getAcquireTime().toInstant());
      Duration takeoverBound =
          Duration.ofSeconds(released.getLeaseDurationSeconds())
              .plus(replicas.longestRetry())
              .plus(ControllerProcesses.ALLOWANCE);
      assertThat(takeover)
          .as("from the release to replica-b's acquireTime")
          .isLessThanOrEqualTo(takeoverBound)
          .isLessThan(LEASE_DURATION);

      List<ReplicaRequest> requests = ReplicaRequest.since(cluster, mark);
      List<ReplicaRequest> writesOfA =
          requests.stream().filter(r -> r.identity().equals("replica-a") && r.isWrite()).toList();
      assertThat(writesOfA).as("replica-a's writes").isNotEmpty();
      ReplicaRequest release = writesOfA.get(writesOfA.size() - 1);
      assertThat(release.resource()).as("replica-a's last write, the release").isEqualTo("leases");
      assertThat(release.verb()).isIn("update", "patch");
      assertThat(writesOfA)
          .as("replica-a's writes of stores, BSLs and secrets (before the Lease's release)")
          .anyMatch(r -> !r.resource().equals("leases"))
          .allMatch(r -> !r.received().isAfter(release.received()));

      List<String> log = Files.readAllLines(replicas.log("replica-a"));
      assertThat(String.join("\n", log))
          .contains("stopping on a signal: closing")
          .contains("closed: gave up the Lease")
          .contains("\"stopped\"")
          .doesNotContain("lost the Lease");
      // No secret is ever echoed: tenant stores whose Secret and spec.storage hold planted values,
      // failing for a missing Secret, the trust policy and a private key under ca.crt, and one
      // accepted; the new leader's JSON log, at DEBUG, holds no piece of them.
      PlantedSecrets planted = new PlantedSecrets();
      planted.plant(cluster);
      planted.awaitHandled(admin);
      planted.assertNotIn(replicas.log("replica-b"), admin);
      System.out.printf(
          "GracefulStopIT: stop %d ms (bound %d ms), takeover after release %d ms (bound %d"
              + " ms)%n",
          stop.toMillis(), STOP_BOUND.toMillis(), takeover.toMillis(), takeoverBound.toMillis());
    } finally {
      replicas.stopAll();
      replicas.clean(admin);
      PlantedSecrets.remove(admin);
    }
  }

  private static int indexOf(List<LeaseSpec> states, String holder) {
    for (int i = 0; i < states.size(); i++) {
      if (holder.equals(states.get(i).getHolderIdentity())) {
        return i;
      }
    }
    return -1;
  }

  private static boolean storeHasStatus(KubernetesClient admin, String name) {
    return Lookups.bsls(admin).size() == 1
        && Lookups.stores(admin).stream()
            .anyMatch(
                s ->
                    s.getMetadata().getName().equals(name)
                        && TestCluster.section(s, "status").get("phase") != null);
  }
}
