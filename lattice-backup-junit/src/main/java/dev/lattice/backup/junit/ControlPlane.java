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
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  private static final String BINARY_NAME = ControlPlaneProcess.BINARY_NAME;
  private static @Nullable ControlPlane shared;

  private final ControlPlaneProcess process;
  private final String server;
  private final String caCertificate;
  private final String kubernetesVersion;
  private final String emulationVersion;
  private final Path adminKubeconfig;
  private final Path kubectl;
  private final AuditLog auditLog;
  private final ControlPlaneClients clients;
  private final KubernetesClient admin;
  private final AtomicInteger namespaces = new AtomicInteger();
  private volatile boolean closed;

  private ControlPlane(ControlPlaneProcess process, Path kubectl) throws IOException {
    JsonNode ready = process.ready();
    this.process = process;
    this.kubectl = kubectl;
    this.server = ready.path("server").asText();
    this.caCertificate = Files.readString(Path.of(ready.path("caCertificate").asText()));
    this.kubernetesVersion = ready.path("kubernetesVersion").asText();
    this.adminKubeconfig = Path.of(ready.path("adminKubeconfig").asText());
    this.auditLog = new AuditLog(Path.of(ready.path("auditLog").asText()));
    this.clients = new ControlPlaneClients(server, caCertificate);
    this.admin = clients.fromKubeconfig(adminKubeconfig);
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
    try {
      ControlPlaneProcess process = ControlPlaneProcess.launch(binary, apiServerFlags, log);
      ControlPlane plane =
          new ControlPlane(process, binary.resolveSibling(ControlPlaneBinary.KUBECTL));
      log.println(
          "lattice-control-plane: kube-apiserver "
              + plane.kubernetesVersion
              + (plane.emulationVersion.equals(build.minor())
                  ? ""
                  : " emulating " + plane.emulationVersion)
              + " ready at "
              + plane.server
              + " (log: "
              + process.logFile()
              + ")");
      return plane;
    } catch (IOException e) {
      throw new ControlPlaneException("cannot start the control plane: " + e.getMessage(), e);
    }
  }

  /** The admin's kubeconfig file (a client certificate in {@code system:masters}). */
  Path adminKubeconfig() {
    return adminKubeconfig;
  }

  /** This control plane's run directory, deleted when it stops. */
  Path runDir() {
    return process.runDir();
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
    return KubectlRunner.run(kubectl, adminKubeconfig, runDir(), stdin, args);
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
    return clients.forServiceAccount(admin, namespace, name, BINARY_NAME);
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
    String reply = send(ControlPlaneProcess.userCommand(name, groups));
    if (!reply.startsWith("kubeconfig ")) {
      throw new ControlPlaneException("cannot mint a certificate for " + name + ": " + reply);
    }
    try {
      return clients.fromKubeconfig(Path.of(reply.substring("kubeconfig ".length())));
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
    return process.send(command);
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
    clients.closeAll();
    process.stop();
  }
}
