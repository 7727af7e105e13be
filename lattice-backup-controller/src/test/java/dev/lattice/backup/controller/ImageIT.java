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
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The controller's image, run by a real OCI runtime (Debian's runc) on the real control plane as
 * {@code deploy/controller.yaml} says: the image it names is the one {@code scripts/image} built
 * (in {@code pre-integration-test}: {@code target/lattice-backup-controller.oci.tar}); the
 * Deployment's args, environment, user, read-only root filesystem, capabilities, memory limit and
 * probes' port; the ServiceAccount's token and CA mounted at {@link OciBundle#SERVICE_ACCOUNT_DIR}
 * with {@code KUBERNETES_SERVICE_HOST/PORT}, no kubeconfig ({@link OciBundle}). The container
 * shares the host's network, where the API server listens on 127.0.0.1 (its certificate's address).
 * It must hold no shell, run as the Deployment's user with a read-only root, answer {@code
 * /readyz}, take the Lease, converge {@value #STORES} stores to Ready, and on SIGTERM (sent by
 * {@code runc kill}, as a kubelet's runtime does) exit 143 within {@link #STOP_BOUND} with the
 * Lease released. If the image cannot be run the test fails; it is never skipped.
 */
@ControlPlaneTest
class ImageIT {
  private static final Path ARCHIVE = Path.of("target", "lattice-backup-controller.oci.tar");
  private static final Path DEPLOY = Path.of("..", "deploy", "controller.yaml");
  private static final Path LOGS = Path.of("target", "image-it");
  private static final String POD = "lattice-backup-controller-6d5f8c7b9-imgit";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** From SIGTERM to the container's end; Kubernetes kills after 30 s (its default grace). */
  private static final Duration STOP_BOUND = Duration.ofSeconds(10);

  private static final int STORES = 20;

  @TempDir Path dir;

  @Test
  void theImageRunsAsTheDeploymentSaysConvergesAnswersReadyzAndStopsCleanlyOnSigterm(
      ControlPlane cluster) throws Exception {
    assertThat(ARCHIVE).as("the image scripts/image builds before the integration tests").exists();
    KubernetesClient admin = cluster.admin();
    Deployment deployment;
    try (var in = Files.newInputStream(DEPLOY)) {
      deployment =
          admin.load(in).items().stream()
              .filter(Deployment.class::isInstance)
              .map(Deployment.class::cast)
              .findFirst()
              .orElseThrow();
    }
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).as("deploy/controller.yaml's image").isEqualTo(tagOf(ARCHIVE));

    OciBundle bundle = OciBundle.unpack(ARCHIVE, dir.resolve("container"), "lattice-image-it");
    try (Stream<Path> files = Files.walk(bundle.rootfs())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the image's files")
          .doesNotContainAnyElementsOf(Set.of("sh", "bash", "dash", "busybox", "apt", "dpkg"));
    }
    long user = deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser();
    assertThat(bundle.config().at("/process/user/uid").asLong())
        .as("the image's user")
        .isEqualTo(user);

    Main flags = new Main();
    new CommandLine(flags).parseArgs(container.getArgs().toArray(String[]::new));
    int port = probePort(container);
    assertThat(port).as("the probes' port is --http-port").isEqualTo(flags.httpPort);
    assertThat(isFree(port)).as("port %d is free on this machine (the container's network)", port);
    String leaseName = flags.leaseName;
    String leaseNamespace = deployment.getMetadata().getNamespace();
    clean(admin, leaseNamespace, leaseName);
    TestCluster.secret(
        admin,
        VELERO,
        "velero-credentials-aws-prod",
        "[default]\naws_access_key_id=a\naws_secret_access_key=b\n");

    Config account = cluster.controller().getConfiguration();
    URI server = URI.create(cluster.server());
    bundle.configure(
        deployment,
        POD,
        Map.of(
            "token",
            account.getOauthToken(),
            "ca.crt",
            new String(Base64.getDecoder().decode(account.getCaCertData()), StandardCharsets.UTF_8),
            "namespace",
            ControlPlane.CONTROLLER_NAMESPACE),
        new String[] {server.getHost(), Integer.toString(server.getPort())});

    Files.createDirectories(LOGS);
    Path log = LOGS.resolve("controller.log");
    long started = System.nanoTime();
    Process runc = bundle.run(log);
    try {
      TestCluster.await(
          "/readyz answers 200 (or the container ends)",
          Duration.ofSeconds(120),
          () -> status(port, "/readyz") == 200 || !runc.isAlive());
      assertThat(runc.isAlive()).as("the container runs; its log: %s", read(log)).isTrue();
      Duration ready = Duration.ofNanos(System.nanoTime() - started);
      assertThat(status(port, "/readyz")).isEqualTo(200);
      assertThat(status(port, "/healthz")).isEqualTo(200);
      TestCluster.await(
          "the container holds the Lease",
          Duration.ofSeconds(60),
          () -> POD.equals(holder(admin, leaseNamespace, leaseName)));

      // The container's process, seen from the host: the user, the root, the token's mount.
      long pid = bundle.pid();
      assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "status")))
          .containsPattern("(?m)^Uid:\\s+" + user + "\\s+" + user + "\\s+" + user + "\\s+" + user);
      assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")))
          .startsWith("/opt/java/bin/java\0");
      List<String[]> mounts =
          Files.readAllLines(Path.of("/proc", Long.toString(pid), "mountinfo")).stream()
              .map(l -> l.split(" "))
              .toList();
      assertThat(mounts)
          .as("the root filesystem is read-only")
          .anyMatch(m -> m[4].equals("/") && m[5].startsWith("ro"));
      assertThat(mounts)
          .as("the ServiceAccount's files are mounted read-only")
          .anyMatch(m -> m[4].equals(OciBundle.SERVICE_ACCOUNT_DIR) && m[5].startsWith("ro"));

      for (int i = 0; i < STORES; i++) {
        TestCluster.store(admin, PLATFORM, "s" + i, i == 0, TestCluster.s3("bucket-s" + i));
      }
      TestCluster.await(
          "a BSL for every store",
          Duration.ofSeconds(120),
          () -> Lookups.bsls(admin).size() == STORES);
      Lookups.bsls(admin)
          .forEach(b -> TestCluster.veleroMarks(admin, b.getMetadata().getName(), "Available"));
      TestCluster.await(
          "every store Ready", Duration.ofSeconds(120), () -> Lookups.readyStores(admin) == STORES);
      Duration converged = Duration.ofNanos(System.nanoTime() - started);
      assertThat(body(port, "/metrics")).contains("lattice_backup_leader 1.0");

      long term = System.nanoTime();
      bundle.kill("TERM");
      boolean exited = runc.waitFor(STOP_BOUND.toMillis() + 20_000, TimeUnit.MILLISECONDS);
      Duration stop = Duration.ofNanos(System.nanoTime() - term);
      assertThat(exited).as("the container ended; its log: %s", read(log)).isTrue();
      assertThat(runc.exitValue()).as("the controller's exit status").isEqualTo(143);
      assertThat(stop).as("from SIGTERM to the container's end").isLessThanOrEqualTo(STOP_BOUND);
      Lease lease = admin.leases().inNamespace(leaseNamespace).withName(leaseName).get();
      // fabric8's release: the holder kept or cleared, the duration cut to 1 s.
      assertThat(lease.getSpec().getLeaseDurationSeconds()).as("the released Lease").isEqualTo(1);
      assertThat(lease.getSpec().getHolderIdentity()).isIn(null, "", POD);

      List<String> lines = Files.readAllLines(log);
      assertThat(String.join("\n", lines))
          .contains("stopping on a signal: closing")
          .contains("closed: gave up the Lease")
          .contains("\"stopped\"")
          .doesNotContain("lost the Lease");
      // JSON lines, but for the JVM's own notice of JAVA_TOOL_OPTIONS (the Deployment sets it).
      for (String line : lines) {
        if (!line.startsWith("Picked up JAVA_TOOL_OPTIONS:")) {
          assertThat(JSON.readTree(line).isObject()).as("a JSON log line: %s", line).isTrue();
        }
      }
      System.out.printf(
          "ImageIT: ready %d ms, %d stores Ready %d ms after start, stop %d ms (bound %d ms)%n",
          ready.toMillis(), STORES, converged.toMillis(), stop.toMillis(), STOP_BOUND.toMillis());
    } finally {
      runc.destroyForcibly();
      bundle.destroy();
      clean(admin, leaseNamespace, leaseName);
    }
  }

  /** The name the build tagged the archive's image with (its index's ref.name). */
  private static String tagOf(Path archive) throws IOException, InterruptedException {
    Process tar =
        new ProcessBuilder("tar", "-xOf", archive.toString(), "index.json")
            .redirectErrorStream(true)
            .start();
    byte[] index = tar.getInputStream().readAllBytes();
    assertThat(tar.waitFor()).as("tar -xOf %s index.json", archive).isZero();
    return JSON.readTree(index)
        .at("/manifests/0/annotations")
        .path("org.opencontainers.image.ref.name")
        .asText();
  }

  /** The port of the readiness probe: a number, or the name of one of the container's ports. */
  private static int probePort(Container c) {
    var port = c.getReadinessProbe().getHttpGet().getPort();
    if (port.getStrVal() == null) {
      return port.getIntVal();
    }
    return c.getPorts().stream()
        .filter(p -> port.getStrVal().equals(p.getName()))
        .map(ContainerPort::getContainerPort)
        .findFirst()
        .orElseThrow();
  }

  private static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "(none)";
  }

  private static String holder(KubernetesClient admin, String ns, String name) {
    Lease l = admin.leases().inNamespace(ns).withName(name).get();
    return l == null ? "" : String.valueOf(l.getSpec().getHolderIdentity());
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

  /** A clean slate ({@link TestCluster#cleanSlate}), and no Lease. */
  private static void clean(KubernetesClient admin, String ns, String lease) {
    TestCluster.cleanSlate(admin);
    admin.leases().inNamespace(ns).withName(lease).delete();
  }
}
