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
package dev.lattice.backup.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A running Kubernetes control plane: kube-apiserver and etcd built from their upstream Go modules
 * ({@link ControlPlaneBinary}), on loopback, with client-certificate and ServiceAccount-token
 * authentication and RBAC authorization, and an audit log of every request.
 *
 * <p>{@link #shared()} gives the one control plane of the test JVM, with lattice-backup's CRD,
 * Velero's CRDs, the namespaces {@value #CONTROLLER_NAMESPACE} and {@value #VELERO_NAMESPACE}, and
 * the controller's ServiceAccount bound by exactly {@code deploy/rbac.yaml}. It stops when the JVM
 * exits: a shutdown hook stops it, and if the JVM is killed the server notices its input closing
 * and stops itself; a later start removes whatever a killed run left behind.
 *
 * <p>The API server runs with its watch cache off, so that compacting etcd ({@link #compactEtcd()})
 * makes every watch from an older resourceVersion fail with 410 Gone, as it would after a long
 * disconnection from a real cluster.
 */
public final class ControlPlane implements AutoCloseable {
  /** The controller's namespace in {@code deploy/rbac.yaml}. */
  public static final String CONTROLLER_NAMESPACE = "lattice-system";

  /** The controller's ServiceAccount in {@code deploy/rbac.yaml}. */
  public static final String CONTROLLER_SERVICE_ACCOUNT = "lattice-backup";

  /** Velero's namespace in {@code deploy/rbac.yaml}. */
  public static final String VELERO_NAMESPACE = "velero";

  /**
   * The system property that chooses the Kubernetes build of {@link #shared()}, by minor version:
   * {@code 1.37} (the default, kube-apiserver v1.37.2) or {@code 1.34} (a real v1.34.4, the oldest
   * supported).
   */
  public static final String BUILD_PROPERTY = "lattice.kubernetes.build";

  /**
   * The system property that makes the API server of {@link #shared()} emulate an older minor
   * version ({@code --emulated-version}, such as {@code 1.35}; at most three below the build's).
   */
  public static final String EMULATE_PROPERTY = "lattice.kubernetes.emulate";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BINARY_NAME = "lattice-control-plane";
  private static @Nullable ControlPlane shared;

  private final Process process;
  private final Path runDir;
  private final BlockingQueue<String> replies;
  private final String server;
  private final String caCertificate;
  private final String kubernetesVersion;
  private final String emulationVersion;
  private final Path adminKubeconfig;
  private final Path kubectl;
  private final AuditLog auditLog;
  private final KubernetesClient admin;
  private final List<KubernetesClient> clients = new ArrayList<>();
  private final AtomicInteger namespaces = new AtomicInteger();
  private volatile boolean closed;

  private ControlPlane(
      Process process, Path runDir, BlockingQueue<String> replies, JsonNode ready, Path kubectl)
      throws IOException {
    this.process = process;
    this.kubectl = kubectl;
    this.runDir = runDir;
    this.replies = replies;
    this.server = ready.path("server").asText();
    this.caCertificate = Files.readString(Path.of(ready.path("caCertificate").asText()));
    this.kubernetesVersion = ready.path("kubernetesVersion").asText();
    this.adminKubeconfig = Path.of(ready.path("adminKubeconfig").asText());
    this.auditLog = new AuditLog(Path.of(ready.path("auditLog").asText()));
    this.admin = client(Config.fromKubeconfig(Files.readString(adminKubeconfig)));
    JsonNode version = JSON.readTree(admin.raw(server + "/version"));
    this.emulationVersion =
        version.path("emulationMajor").asText(version.path("major").asText())
            + "."
            + version.path("emulationMinor").asText(version.path("minor").asText());
  }

  /**
   * The control plane of this JVM, started (and built, the first time on a machine) on first use,
   * with lattice-backup's CRD, Velero's CRDs and the controller's RBAC installed. The system
   * properties {@value #BUILD_PROPERTY} and {@value #EMULATE_PROPERTY} choose the Kubernetes it is.
   *
   * @return the running control plane
   * @throws ControlPlaneException when it cannot be built or started
   */
  public static synchronized ControlPlane shared() {
    ControlPlane current = shared;
    if (current == null || current.closed) {
      String emulate = System.getProperty(EMULATE_PROPERTY, "").strip();
      List<String> flags = new ArrayList<>(List.of("--watch-cache=false"));
      if (!emulate.isEmpty()) {
        flags.add("--emulated-version=" + emulate);
      }
      current =
          start(
              ControlPlaneBinary.build(System.getProperty(BUILD_PROPERTY, "").strip()),
              flags,
              System.err);
      try {
        Installation.install(current, System.err);
      } catch (RuntimeException e) {
        current.close();
        throw e;
      }
      ControlPlane started = current;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(started::close, "lattice-control-plane-shutdown"));
      shared = current;
    }
    return current;
  }

  /**
   * Starts a bare control plane (no CRDs, no RBAC beyond the API server's defaults).
   *
   * @param apiServerFlags extra kube-apiserver flags, applied after (and so over) the defaults
   * @param log where progress goes
   * @return the running control plane; the caller closes it
   */
  static ControlPlane start(List<String> apiServerFlags, PrintStream log) {
    return start(ControlPlaneBinary.build(""), apiServerFlags, log);
  }

  /**
   * Starts a bare control plane of a Kubernetes build.
   *
   * @param build the build
   * @param apiServerFlags extra kube-apiserver flags, applied after (and so over) the defaults
   * @param log where progress goes
   * @return the running control plane; the caller closes it
   */
  static ControlPlane start(
      ControlPlaneBinary.Build build, List<String> apiServerFlags, PrintStream log) {
    Path binary = ControlPlaneBinary.ensure(build, log);
    Path root = Path.of(System.getProperty("java.io.tmpdir"), BINARY_NAME);
    try {
      Files.createDirectories(root);
      StaleRuns.reap(root, BINARY_NAME, log);
      Path runDir = Files.createTempDirectory(root, ProcessHandle.current().pid() + "-");
      Path logFile = runDir.resolve("control-plane.log");
      List<String> command = new ArrayList<>();
      command.add(binary.toString());
      command.add("--dir");
      command.add(runDir.resolve("state").toString());
      command.add("--");
      command.addAll(apiServerFlags);
      Process process =
          new ProcessBuilder(command)
              .redirectError(logFile.toFile())
              .redirectOutput(ProcessBuilder.Redirect.PIPE)
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
      Files.writeString(runDir.resolve("harness.pid"), Long.toString(process.pid()));
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> readLines(process, lines), "lattice-control-plane-stdout");
      reader.setDaemon(true);
      reader.start();
      String first = await(lines, process, 4, TimeUnit.MINUTES);
      if (first == null || !first.startsWith("ready ")) {
        process.destroyForcibly();
        throw new ControlPlaneException(
            "the control plane did not start"
                + (first == null ? "" : ": " + first)
                + "; last lines of "
                + logFile
                + ":\n"
                + ControlPlaneBinary.tail(logFile, 40));
      }
      ControlPlane plane =
          new ControlPlane(
              process,
              runDir,
              lines,
              JSON.readTree(first.substring("ready ".length())),
              binary.resolveSibling(ControlPlaneBinary.KUBECTL));
      log.println(
          "lattice-control-plane: kube-apiserver "
              + plane.kubernetesVersion
              + (plane.emulationVersion.equals(build.minor())
                  ? ""
                  : " emulating " + plane.emulationVersion)
              + " ready at "
              + plane.server
              + " (log: "
              + logFile
              + ")");
      return plane;
    } catch (IOException e) {
      throw new ControlPlaneException("cannot start the control plane: " + e.getMessage(), e);
    }
  }

  private static void readLines(Process process, BlockingQueue<String> lines) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  private static @Nullable String await(
      BlockingQueue<String> lines, Process process, long timeout, TimeUnit unit) {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    try {
      while (System.nanoTime() < deadline) {
        String line = lines.poll(200, TimeUnit.MILLISECONDS);
        if (line != null) {
          return line;
        }
        if (!process.isAlive() && lines.isEmpty()) {
          return "exited with " + process.exitValue();
        }
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The admin's kubeconfig file (a client certificate in {@code system:masters}). */
  Path adminKubeconfig() {
    return adminKubeconfig;
  }

  /** This control plane's run directory, deleted when it stops. */
  Path runDir() {
    return runDir;
  }

  /**
   * The API server's URL.
   *
   * @return {@code https://127.0.0.1:<port>}
   */
  public String server() {
    return server;
  }

  /**
   * The Kubernetes version the API server was built from.
   *
   * @return for example {@code v1.37.2}
   */
  public String kubernetesVersion() {
    return kubernetesVersion;
  }

  /**
   * The Kubernetes version whose behaviour the API server presents, as {@code /version} reports it
   * ({@code emulationMajor.emulationMinor}): the {@code --emulated-version} it was started with
   * ({@value #EMULATE_PROPERTY}), else the minor version it was built from.
   *
   * @return for example {@code 1.35}
   */
  public String emulationVersion() {
    return emulationVersion;
  }

  /**
   * What a command printed and how it ended.
   *
   * @param exitCode the exit code
   * @param out what it printed on stdout
   * @param err what it printed on stderr
   */
  public record CommandResult(int exitCode, String out, String err) {}

  /**
   * Runs the real kubectl, built from the same Kubernetes module as this server, as the cluster
   * admin: to check what a user of kubectl sees, such as a refusal at {@code kubectl apply}.
   *
   * @param stdin what the command reads on stdin ({@code -f -}), empty for nothing
   * @param args the arguments, such as {@code apply -f -}
   * @return its exit code and output
   * @throws ControlPlaneException when it cannot be run or does not end within two minutes
   */
  public CommandResult kubectl(String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(kubectl.toString());
    command.add("--kubeconfig=" + adminKubeconfig);
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(runDir, "kubectl-", ".out");
      Path err = Files.createTempFile(runDir, "kubectl-", ".err");
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      try (var in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new ControlPlaneException("kubectl " + String.join(" ", args) + " did not end");
      }
      return new CommandResult(p.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new ControlPlaneException("cannot run " + kubectl + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("interrupted while kubectl ran", e);
    }
  }

  /**
   * A client authenticated as a cluster admin (group {@code system:masters}).
   *
   * @return the shared admin client; do not close it
   */
  public KubernetesClient admin() {
    return admin;
  }

  /**
   * A new client that acts as the lattice-backup controller: ServiceAccount {@value
   * #CONTROLLER_SERVICE_ACCOUNT} in {@value #CONTROLLER_NAMESPACE}, bound by exactly {@code
   * deploy/rbac.yaml}. The control plane closes it when it stops.
   *
   * @return the client
   */
  public KubernetesClient controller() {
    return serviceAccount(CONTROLLER_NAMESPACE, CONTROLLER_SERVICE_ACCOUNT);
  }

  /**
   * A new client authenticated with a token of the ServiceAccount (created when missing), issued by
   * the API server's TokenRequest API; it has exactly the permissions RBAC grants that account.
   *
   * @param namespace the ServiceAccount's namespace (created when missing)
   * @param name the ServiceAccount's name
   * @return the client; the control plane closes it when it stops
   */
  public KubernetesClient serviceAccount(String namespace, String name) {
    ensureNamespace(namespace);
    admin
        .serviceAccounts()
        .inNamespace(namespace)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .build())
        .fieldManager(BINARY_NAME)
        .serverSideApply();
    TokenRequest request =
        admin
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(name)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(24L * 3600)
                    .endSpec()
                    .build());
    String token = Objects.requireNonNull(request.getStatus().getToken(), "token");
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(server)
            .withCaCertData(
                Base64.getEncoder().encodeToString(caCertificate.getBytes(StandardCharsets.UTF_8)))
            .withOauthToken(token)
            .build();
    return client(config);
  }

  /**
   * A new client authenticated by a client certificate for the user and groups, minted by the
   * control plane's CA.
   *
   * @param name the user name (the certificate's CN)
   * @param groups the groups (the certificate's O)
   * @return the client; the control plane closes it when it stops
   */
  public KubernetesClient user(String name, String... groups) {
    StringBuilder command = new StringBuilder("user ").append(requireWord(name));
    for (String g : groups) {
      command.append(' ').append(requireWord(g));
    }
    String reply = send(command.toString());
    if (!reply.startsWith("kubeconfig ")) {
      throw new ControlPlaneException("cannot mint a certificate for " + name + ": " + reply);
    }
    try {
      Path kubeconfig = Path.of(reply.substring("kubeconfig ".length()));
      return client(Config.fromKubeconfig(Files.readString(kubeconfig)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates a namespace with a fresh name (there is no namespace controller, so deleted namespaces
   * never go away: tests use new ones).
   *
   * @param prefix the start of the name
   * @return the namespace's name
   */
  public String newNamespace(String prefix) {
    String name = prefix + "-" + namespaces.incrementAndGet();
    ensureNamespace(name);
    return name;
  }

  /**
   * Creates the namespace when it is missing.
   *
   * @param name the namespace
   */
  public void ensureNamespace(String name) {
    admin
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .fieldManager(BINARY_NAME)
        .serverSideApply();
  }

  /**
   * Compacts etcd at its current revision: afterwards, a watch or list from any older
   * resourceVersion is answered 410 Gone.
   *
   * @return the revision compacted at
   */
  public long compactEtcd() {
    String reply = send("compact");
    if (!reply.startsWith("compacted ")) {
      throw new ControlPlaneException("compaction failed: " + reply);
    }
    return Long.parseLong(reply.substring("compacted ".length()).trim());
  }

  /**
   * The API server's audit log.
   *
   * @return every request, with user, verb, resource and response code
   */
  public AuditLog auditLog() {
    return auditLog;
  }

  /**
   * The API server's Prometheus metrics, as text.
   *
   * @return the metrics page
   */
  public String metrics() {
    return admin.raw(server + "/metrics");
  }

  private synchronized String send(String command) {
    if (closed) {
      throw new ControlPlaneException("the control plane is stopped");
    }
    try {
      OutputStream in = process.getOutputStream();
      in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      String reply = replies.poll(2, TimeUnit.MINUTES);
      if (reply == null) {
        throw new ControlPlaneException("no answer to " + command);
      }
      return reply;
    } catch (IOException e) {
      throw new ControlPlaneException("the control plane is gone: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("interrupted", e);
    }
  }

  private static String requireWord(String s) {
    if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("not a single word: \"" + s + "\"");
    }
    return s;
  }

  private KubernetesClient client(Config config) {
    config.setRequestTimeout(30_000);
    config.setConnectionTimeout(10_000);
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    synchronized (clients) {
      clients.add(client);
    }
    return client;
  }

  /**
   * A copy of a client's configuration, for building a client with other settings (a user agent, a
   * proxy) and the same identity.
   *
   * @param client a client of this control plane
   * @return a builder primed with its configuration
   */
  public static ConfigBuilder configOf(KubernetesClient client) {
    return new ConfigBuilder(client.getConfiguration());
  }

  /** The process id of the server, for tests of process clean-up. */
  long pid() {
    return process.pid();
  }

  /** Stops the server, closes every client it handed out, and deletes its files. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    synchronized (clients) {
      clients.forEach(KubernetesClient::close);
      clients.clear();
    }
    try {
      OutputStream in = process.getOutputStream();
      in.write("stop\n".getBytes(StandardCharsets.UTF_8));
      in.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    StaleRuns.delete(runDir);
  }
}
