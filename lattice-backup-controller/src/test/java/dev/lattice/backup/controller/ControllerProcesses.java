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

import dev.lattice.backup.fabric8.runtime.LeaderElection;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Controller processes for the integration tests: each replica a JVM of its own running {@link
 * Main} as the restricted ServiceAccount, its log in {@code target/<dir>/<identity>.log}, started
 * as a leader or a standby and stopped as Kubernetes stops a pod; and what the tests read about
 * them: the Lease and the probes (their requests: {@link ReplicaRequest}).
 */
final class ControllerProcesses {
  /** fabric8's LeaderElector waits its retry period plus up to 1.2 times it between tries. */
  static final double JITTER_FACTOR = 1.2;

  /**
   * Added to the bounds derived from the Lease's timings: the LeaderElector's timer thread may run
   * late on a busy machine, and the release's own request takes time after the released record's
   * renewTime was taken.
   */
  static final Duration ALLOWANCE = Duration.ofMillis(500);

  /** How long {@link #stopAll()} lets a replica stop after SIGTERM: Kubernetes' default. */
  private static final Duration GRACE = Duration.ofSeconds(30);

  private static final Duration START = Duration.ofSeconds(60);

  private final Path logs;
  private final Path kubeconfig;
  private final String lease;
  private final Duration leaseDuration;
  private final List<Process> started = new ArrayList<>();

  /**
   * Replicas that elect a leader on one Lease.
   *
   * @param cluster the control plane
   * @param dir a temporary directory for the kubeconfig
   * @param logDir the directory under {@code target/} for the replicas' logs
   * @param lease the Lease's name, in the platform's namespace
   * @param leaseDuration the Lease's duration ({@code --lease-duration})
   * @throws IOException when the kubeconfig cannot be written
   */
  ControllerProcesses(
      ControlPlane cluster, Path dir, String logDir, String lease, Duration leaseDuration)
      throws IOException {
    this.logs = Path.of("target", logDir);
    this.kubeconfig = kubeconfig(cluster.controller(), dir);
    this.lease = lease;
    this.leaseDuration = leaseDuration;
  }

  /**
   * The longest a standby may take to hold the Lease once it is free (expired or released): one
   * wait between the LeaderElector's tries, the retry period times (1 + {@link #JITTER_FACTOR}),
   * for the retry period {@link Main#election()} derives from the duration (2/15 of it).
   *
   * @return for a 6 s Lease, 0.8 s times 2.2: 1.76 s
   */
  Duration longestRetry() {
    Main main = new Main();
    main.leaseDuration = leaseDuration;
    LeaderElection e = main.election();
    return Duration.ofNanos((long) (e.retryPeriod().toNanos() * (1 + JITTER_FACTOR)));
  }

  /**
   * Prepares the cluster for the replicas: a clean slate ({@link TestCluster#cleanSlate}), no
   * Lease, and the platform's CloudProvider credentials that {@link TestCluster#s3} stores name.
   *
   * @param admin a client
   */
  void prepare(KubernetesClient admin) {
    clean(admin);
    TestCluster.secret(
        admin,
        VELERO,
        "velero-credentials-aws-prod",
        "[default]\naws_access_key_id=a\naws_secret_access_key=b\n");
  }

  /**
   * A clean slate ({@link TestCluster#cleanSlate}), and no Lease.
   *
   * @param admin a client
   */
  void clean(KubernetesClient admin) {
    TestCluster.cleanSlate(admin);
    admin.leases().inNamespace(PLATFORM).withName(lease).delete();
  }

  /**
   * Starts a replica and waits (up to a minute) until it holds the Lease.
   *
   * @param admin a client, to read the Lease
   * @param identity its {@code --identity}
   * @param port its probes' port, on 127.0.0.1
   * @return the process, alive and leading
   * @throws IOException when it cannot start
   */
  Process startLeader(KubernetesClient admin, String identity, int port) throws IOException {
    Process p = start(identity, port);
    TestCluster.await(
        identity + " leads",
        START,
        () -> holder(admin).equals(Optional.of(identity)) && p.isAlive());
    return p;
  }

  /**
   * Starts a replica and waits (up to a minute) until it is ready: a warm standby while another
   * leads.
   *
   * @param identity its {@code --identity}
   * @param port its probes' port, on 127.0.0.1
   * @param env added to its environment
   * @return the process
   * @throws IOException when it cannot start
   */
  Process startStandby(String identity, int port, Map<String, String> env) throws IOException {
    Process p = start(identity, port, env);
    TestCluster.await(
        identity + " is ready (warm standby)", START, () -> status(port, "/readyz") == 200);
    return p;
  }

  /**
   * Stops every replica started here that still runs, as Kubernetes stops a pod: SIGTERM, then
   * SIGKILL for one still running after {@link #GRACE}; returns once all have ended.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  void stopAll() throws InterruptedException {
    started.forEach(Process::destroy);
    for (Process p : started) {
      if (!p.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  /**
   * Starts a replica.
   *
   * @param identity its {@code --identity}
   * @param port its probes' port, on 127.0.0.1
   * @return the process
   * @throws IOException when it cannot start
   */
  Process start(String identity, int port) throws IOException {
    return start(identity, port, Map.of());
  }

  /**
   * Starts a replica with more environment variables, such as {@code LATTICE_LOG_LEVEL}.
   *
   * @param identity its {@code --identity}
   * @param port its probes' port, on 127.0.0.1
   * @param env added to its environment
   * @return the process
   * @throws IOException when it cannot start
   */
  Process start(String identity, int port, Map<String, String> env) throws IOException {
    Files.createDirectories(logs);
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
            lease,
            "--lease-duration",
            leaseDuration.toString(),
            "--http-address",
            "127.0.0.1",
            "--http-port",
            Integer.toString(port),
            "--workers",
            "4");
    pb.redirectErrorStream(true).redirectOutput(log(identity).toFile());
    pb.environment().remove("KUBECONFIG");
    pb.environment().putAll(env);
    Process p = pb.start();
    started.add(p);
    return p;
  }

  /**
   * A replica's log file.
   *
   * @param identity the replica
   * @return its path
   */
  Path log(String identity) {
    return logs.resolve(identity + ".log");
  }

  /**
   * The Lease, if it exists.
   *
   * @param admin a client
   * @return the Lease
   */
  Optional<Lease> lease(KubernetesClient admin) {
    return Optional.ofNullable(admin.leases().inNamespace(PLATFORM).withName(lease).get());
  }

  /**
   * The Lease's holder.
   *
   * @param admin a client
   * @return the holder, empty when there is no Lease or no holder
   */
  Optional<String> holder(KubernetesClient admin) {
    return lease(admin).map(l -> l.getSpec().getHolderIdentity());
  }

  /**
   * A free TCP port.
   *
   * @return the port
   * @throws IOException when none can be bound
   */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * The status of a GET on a replica's probe port.
   *
   * @param port the port
   * @param path the path
   * @return the status, -1 when the request failed
   */
  static int status(int port, String path) {
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

  /**
   * The body of a GET on a replica's probe port.
   *
   * @param port the port
   * @param path the path
   * @return the body
   * @throws IOException when the request fails
   * @throws InterruptedException when interrupted
   */
  static String body(int port, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** A kubeconfig file with the controller client's server, CA and token. */
  private static Path kubeconfig(KubernetesClient controller, Path dir) throws IOException {
    Config c = controller.getConfiguration();
    String ca =
        c.getCaCertData() != null
            ? c.getCaCertData()
            : Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(c.getCaCertFile())));
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
}
