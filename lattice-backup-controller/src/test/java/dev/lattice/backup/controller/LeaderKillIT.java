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

import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.RequestCounts;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of {@code lattice-backup-controller}, each a process of its own on the real control
 * plane, as the restricted ServiceAccount: the leader is killed ({@code SIGKILL}) in the middle of
 * a burst of stores; the other takes the Lease within its duration and finishes the work; a watch
 * on every BSL never sees two of ours as the default; the standby writes nothing before the leader
 * died; both serve their probes and metrics.
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
    clean(admin);
    TestCluster.secret(
        admin,
        VELERO,
        "velero-credentials-aws-prod",
        "[default]\naws_access_key_id=a\naws_secret_access_key=b\n");
    Path kubeconfig = kubeconfig(cluster.controller());
    int portA = freePort();
    int portB = freePort();
    Defaults defaults = new Defaults();
    Process a = null;
    Process b = null;
    try (Watch watch =
        admin
            .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
            .inNamespace(VELERO)
            .watch(defaults)) {
      a = start("replica-a", kubeconfig, portA);
      Process first = a;
      TestCluster.await(
          "replica-a leads",
          Duration.ofSeconds(60),
          () -> holder(admin).equals(Optional.of("replica-a")) && first.isAlive());
      b = start("replica-b", kubeconfig, portB);
      TestCluster.await(
          "replica-b is ready (warm standby)",
          Duration.ofSeconds(60),
          () -> status(portB, "/readyz") == 200);
      long mark = cluster.auditLog().mark();

      store(admin, "s0", true);
      for (int i = 1; i < STORES; i++) {
        store(admin, "s" + i, i == STORES / 2);
        if (i == STORES / 3) {
          TestCluster.await(
              "some BSLs exist", Duration.ofSeconds(60), () -> Lookups.bsls(admin).size() >= 10);
          a.destroyForcibly().waitFor();
        }
      }
      long killed = System.nanoTime();
      TestCluster.await(
          "replica-b leads",
          LEASE_DURATION.plusSeconds(10),
          () -> holder(admin).equals(Optional.of("replica-b")));
      Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
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

      List<AuditEvent> events = RequestCounts.controllerEvents(cluster, mark);
      List<AuditEvent> writesOfB = new ArrayList<>();
      for (AuditEvent e : events) {
        if (e.isWrite() && !e.resource().equals("leases") && e.userAgent().contains("replica-b")) {
          writesOfB.add(e);
        }
      }
      assertThat(writesOfB).as("the new leader's writes").isNotEmpty();
      assertThat(
              events.stream()
                  .filter(
                      e ->
                          e.isWrite()
                              && !e.resource().equals("leases")
                              && e.userAgent().contains("replica-a")))
          .as("the first leader wrote before it was killed")
          .isNotEmpty();
      assertThat(takeover)
          .as("take-over after the kill")
          .isLessThanOrEqualTo(LEASE_DURATION.plusSeconds(4));
      synchronized (defaults) {
        assertThat(defaults.events).isGreaterThan(STORES);
        assertThat(defaults.violations).as("moments with two defaults").isZero();
      }
      String metrics = body(portB, "/metrics");
      assertThat(metrics)
          .contains("lattice_backup_reconciles_total{result=\"success\",scope=\"store\"}")
          .contains("lattice_backup_api_requests_total{resource=\"backupstoragelocations\"")
          .contains("lattice_backup_leader 1.0")
          .contains("lattice_backup_queue_depth");
      assertThat(status(portB, "/healthz")).isEqualTo(200);
      // Structured logs: every line of the survivor's log is a JSON object with a level and a
      // formatted message.
      List<String> lines = Files.readAllLines(Path.of("target", "leader-kill", "replica-b.log"));
      assertThat(lines).isNotEmpty();
      com.fasterxml.jackson.databind.ObjectMapper json =
          new com.fasterxml.jackson.databind.ObjectMapper();
      for (String line : lines) {
        var node = json.readTree(line);
        assertThat(node.path("level").asText()).isNotEmpty();
        assertThat(node.has("formattedMessage")).as(line).isTrue();
      }
      assertThat(lines).anySatisfy(l -> assertThat(l).contains("started: velero namespace velero"));
    } finally {
      if (a != null) {
        a.destroyForcibly();
      }
      if (b != null) {
        b.destroy();
        b.waitFor();
      }
      clean(admin);
    }
  }

  private Process start(String identity, Path kubeconfig, int port) throws IOException {
    // In target/, so that a failure can be read after the run.
    Path logs = Path.of("target", "leader-kill");
    Files.createDirectories(logs);
    Path log = logs.resolve(identity + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--kubeconfig",
            kubeconfig.toString(),
            "--identity",
            identity,
            "--lease-name",
            LEASE,
            "--lease-duration",
            LEASE_DURATION.toString(),
            "--http-address",
            "127.0.0.1",
            "--http-port",
            Integer.toString(port),
            "--workers",
            "4");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("KUBECONFIG");
    return pb.start();
  }

  private Path kubeconfig(KubernetesClient controller) throws IOException {
    Config c = controller.getConfiguration();
    String ca =
        c.getCaCertData() != null
            ? c.getCaCertData()
            : java.util.Base64.getEncoder()
                .encodeToString(Files.readAllBytes(Path.of(c.getCaCertFile())));
    String yaml =
        "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: "
            + c.getMasterUrl()
            + "\n    certificate-authority-data: "
            + ca
            + "\nusers:\n- name: u\n  user:\n    token: "
            + (c.getOauthToken() != null ? c.getOauthToken() : c.getAutoOAuthToken())
            + "\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n";
    Path file = dir.resolve("kubeconfig");
    Files.writeString(file, yaml);
    return file;
  }

  private static Optional<String> holder(KubernetesClient admin) {
    Lease lease = admin.leases().inNamespace(PLATFORM).withName(LEASE).get();
    return Optional.ofNullable(lease).map(l -> l.getSpec().getHolderIdentity());
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

  /** A clean slate ({@link TestCluster#cleanSlate}), and no Lease. */
  static void clean(KubernetesClient admin) {
    TestCluster.cleanSlate(admin);
    admin.leases().inNamespace(PLATFORM).withName(LEASE).delete();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static int status(int port, String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String body(int port, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
