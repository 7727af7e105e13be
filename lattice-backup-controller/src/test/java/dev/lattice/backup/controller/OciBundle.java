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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The controller's image as an OCI runtime bundle, set up as a kubelet would set up the container
 * of {@code deploy/controller.yaml}, and the runtime that runs it: {@code scripts/image unpack}
 * (umoci) makes the bundle from the OCI archive, with the image's entrypoint, user and environment;
 * this class adds what the Deployment says (args, environment, user, read-only root, no
 * capabilities, no privilege escalation, memory limit), the ServiceAccount's token, CA and
 * namespace at {@value #SERVICE_ACCOUNT_DIR}, {@code KUBERNETES_SERVICE_HOST/PORT}, and {@code
 * /etc/hosts}. It shares the host's network namespace, where the control plane listens on loopback.
 * {@code scripts/image runc} runs Debian's runc on it.
 */
final class OciBundle {
  /** Where the kubelet mounts a Pod's ServiceAccount token, CA and namespace. */
  static final String SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

  private static final Path SCRIPT = Path.of("..", "scripts", "image").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Path bundle;
  private final Path state;
  private final String id;

  private OciBundle(Path dir, String id) {
    this.dir = dir;
    this.bundle = dir.resolve("bundle");
    this.state = dir.resolve("runc");
    this.id = id;
  }

  /**
   * Unpacks the archive into a bundle in {@code dir}.
   *
   * @param archive the OCI archive
   * @param dir a directory that does not exist yet
   * @param id the container's id
   * @return the bundle, as the image configures it
   * @throws IOException when umoci fails
   * @throws InterruptedException when interrupted
   */
  static OciBundle unpack(Path archive, Path dir, String id)
      throws IOException, InterruptedException {
    OciBundle b = new OciBundle(dir, id);
    Files.createDirectories(dir);
    script(dir.resolve("unpack.log"), "unpack", archive.toString(), b.bundle.toString());
    return b;
  }

  /** The bundle's root filesystem. */
  Path rootfs() {
    return bundle.resolve("rootfs");
  }

  /**
   * The runtime configuration umoci made from the image's configuration.
   *
   * @return {@code config.json}
   * @throws IOException when it cannot be read
   */
  ObjectNode config() throws IOException {
    return (ObjectNode) JSON.readTree(bundle.resolve("config.json").toFile());
  }

  /**
   * Makes the container the kubelet would make for the Deployment's first container, in a Pod named
   * {@code podName}.
   *
   * @param deployment the Deployment of {@code deploy/controller.yaml}
   * @param podName the Pod's name ({@code metadata.name}, the hostname)
   * @param serviceAccount the Pod's ServiceAccount: its token, CA and namespace
   * @param apiServer the API server's host and port ({@code KUBERNETES_SERVICE_HOST/PORT})
   * @throws IOException when the bundle cannot be written
   */
  void configure(
      Deployment deployment, String podName, Map<String, String> serviceAccount, String[] apiServer)
      throws IOException {
    Container c = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    SecurityContext security = c.getSecurityContext();
    Long runAsUser =
        deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser();
    Path secrets = dir.resolve("serviceaccount");
    Files.createDirectories(secrets);
    Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (var file : serviceAccount.entrySet()) {
      Path f = secrets.resolve(file.getKey());
      Files.writeString(f, file.getValue(), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    }
    ObjectNode config = config();
    ObjectNode process = (ObjectNode) config.get("process");
    process.put("terminal", false);
    ArrayNode args = (ArrayNode) process.get("args");
    c.getArgs().forEach(args::add);
    ArrayNode env = (ArrayNode) process.get("env");
    env.add("HOSTNAME=" + podName);
    for (EnvVar e : c.getEnv()) {
      env.add(e.getName() + "=" + value(e, podName, deployment));
    }
    env.add("KUBERNETES_SERVICE_HOST=" + apiServer[0]);
    env.add("KUBERNETES_SERVICE_PORT=" + apiServer[1]);
    env.add("KUBERNETES_SERVICE_PORT_HTTPS=" + apiServer[1]);
    ((ObjectNode) process.get("user")).put("uid", runAsUser);
    process.put("noNewPrivileges", !security.getAllowPrivilegeEscalation());
    if (security.getCapabilities().getDrop().contains("ALL")) {
      ObjectNode caps = (ObjectNode) process.get("capabilities");
      caps.fieldNames().forEachRemaining(n -> caps.set(n, JSON.createArrayNode()));
    }
    config.put("hostname", podName);
    ((ObjectNode) config.get("root")).put("readonly", security.getReadOnlyRootFilesystem());
    ArrayNode mounts = (ArrayNode) config.get("mounts");
    mounts.add(bind(secrets, SERVICE_ACCOUNT_DIR));
    mounts.add(bind(Path.of("/etc/hosts"), "/etc/hosts"));
    ObjectNode linux = (ObjectNode) config.get("linux");
    ArrayNode namespaces = JSON.createArrayNode();
    for (JsonNode n : linux.get("namespaces")) {
      if (!n.path("type").asText().equals("network")) {
        namespaces.add(n);
      }
    }
    linux.set("namespaces", namespaces);
    // Relative: under the runtime's own cgroups, and removed with the container.
    linux.put("cgroupsPath", id);
    ObjectNode resources = linux.withObjectProperty("resources");
    Quantity memory = c.getResources().getLimits().get("memory");
    resources
        .withObjectProperty("memory")
        .put("limit", Quantity.getAmountInBytes(memory).longValueExact());
    // No cpu.shares from the request: a kubelet weighs it against other Pods' requests, here it
    // would be weighed against every process of the machine (102 against 1024 each).
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(bundle.resolve("config.json").toFile(), config);
  }

  private static String value(EnvVar e, String podName, Deployment deployment) {
    if (e.getValueFrom() == null) {
      return e.getValue();
    }
    return switch (e.getValueFrom().getFieldRef().getFieldPath()) {
      case "metadata.name" -> podName;
      case "metadata.namespace" -> deployment.getMetadata().getNamespace();
      default -> throw new IllegalArgumentException("unsupported field " + e.getValueFrom());
    };
  }

  private static ObjectNode bind(Path source, String destination) {
    ObjectNode m = JSON.createObjectNode();
    m.put("destination", destination);
    m.put("type", "bind");
    m.put("source", source.toAbsolutePath().toString());
    m.set("options", JSON.createArrayNode().add("rbind").add("ro"));
    return m;
  }

  /**
   * Starts the container: {@code runc run}, in the foreground, its output (the controller's) in a
   * file.
   *
   * @param log the file
   * @return the runc process; it ends with the container, with its exit status
   * @throws IOException when runc cannot start
   */
  Process run(Path log) throws IOException {
    List<String> command = command("runc", "--root", state.toString(), "run", "--bundle");
    command.add(bundle.toString());
    command.add(id);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /**
   * Sends a signal to the container's process, as a kubelet does through its runtime ({@code runc
   * kill}).
   *
   * @param signal such as {@code TERM}
   * @throws IOException when runc fails
   * @throws InterruptedException when interrupted
   */
  void kill(String signal) throws IOException, InterruptedException {
    script(dir.resolve("kill.log"), "runc", "--root", state.toString(), "kill", id, signal);
  }

  /**
   * The container's init process on the host, from {@code runc state}.
   *
   * @return its pid
   * @throws IOException when runc fails
   * @throws InterruptedException when interrupted
   */
  long pid() throws IOException, InterruptedException {
    Path out = dir.resolve("state.json");
    script(out, "runc", "--root", state.toString(), "state", id);
    JsonNode s = JSON.readTree(Files.readString(out));
    return s.path("pid").asLong();
  }

  /** Stops and removes the container, whatever its state; for clean-up. */
  void destroy() {
    try {
      script(dir.resolve("delete.log"), "runc", "--root", state.toString(), "delete", "-f", id);
    } catch (IOException | RuntimeException e) {
      // Already gone.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** Runs {@code scripts/image} with the arguments; fails unless it exits 0 within 10 minutes. */
  private static void script(Path log, String... args) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command(args))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(Duration.ofMinutes(10).toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new IOException("scripts/image " + String.join(" ", args) + ": timed out");
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          "scripts/image "
              + String.join(" ", args)
              + " exited "
              + p.exitValue()
              + ": "
              + Files.readString(log));
    }
  }
}
