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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lattice.backup.fabric8.runtime.LeaderElection;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.testing.cluster.RequestCounts;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Controller processes for the integration tests: each replica a JVM of its own running {@link
 * Main} as the restricted ServiceAccount, its log in {@code target/<dir>/<identity>.log}; and what
 * the tests read about them: the Lease, the probes, and the replica's requests in the API server's
 * audit log, told apart by the user agent ({@code lattice-backup-controller/<identity>}), since the
 * replicas share one ServiceAccount.
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

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path logs;
  private final Path kubeconfig;
  private final String lease;
  private final Duration leaseDuration;

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
   * Starts a replica.
   *
   * @param identity its {@code --identity}
   * @param port its probes' port, on 127.0.0.1
   * @return the process
   * @throws IOException when it cannot start
   */
  Process start(String identity, int port) throws IOException {
    return start(identity, port, java.util.Map.of());
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
  Process start(String identity, int port, java.util.Map<String, String> env) throws IOException {
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
    return pb.start();
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
   * A request of a replica, as the API server's audit log recorded it.
   *
   * @param identity the replica, from the user agent
   * @param verb the verb
   * @param resource the resource
   * @param received when the server received it (the event's {@code requestReceivedTimestamp})
   */
  record Request(String identity, String verb, String resource, Instant received) {
    boolean isWrite() {
      return switch (verb) {
        case "create", "update", "patch", "delete", "deletecollection" -> true;
        default -> false;
      };
    }
  }

  /**
   * The controller ServiceAccount's completed requests after a mark, with the replica that sent
   * each (the user agent's part after {@code lattice-backup-controller/}).
   *
   * @param cluster the control plane
   * @param mark a position from {@code cluster.auditLog().mark()}
   * @return the requests, in the order the server completed them
   */
  static List<Request> requests(ControlPlane cluster, long mark) {
    List<Request> out = new ArrayList<>();
    String prefix = "lattice-backup-controller/";
    for (String line : cluster.auditLog().textSince(mark).lines().toList()) {
      JsonNode e;
      try {
        e = JSON.readTree(line);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      String agent = e.path("userAgent").asText("");
      if (!"ResponseComplete".equals(e.path("stage").asText())
          || !RequestCounts.CONTROLLER.equals(e.path("user").path("username").asText())
          || !agent.startsWith(prefix)) {
        continue;
      }
      String identity = agent.substring(prefix.length()).split("[ /]", 2)[0];
      out.add(
          new Request(
              identity,
              e.path("verb").asText(),
              e.path("objectRef").path("resource").asText(),
              Instant.parse(e.path("requestReceivedTimestamp").asText())));
    }
    return out;
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
