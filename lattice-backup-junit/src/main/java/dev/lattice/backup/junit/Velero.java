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

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A real Velero server (built from its Go module with its AWS, GCP and Azure plugins, see {@link
 * VeleroBinaries}) running out of cluster against a {@link ControlPlane}, in Velero's namespace,
 * with the admin's identity (Velero is installed with cluster-admin rights).
 *
 * <p><b>One at a time.</b> Velero's controller-runtime metrics server always binds port 8080 on
 * every interface and cannot be moved, so only one Velero may run on a machine: a second {@link
 * #start} in the same JVM fails, and so does one while another program holds port 8080. Velero's
 * own metrics and profiler listen on free loopback ports.
 *
 * <p>Velero never outlives the test JVM: it runs under a small {@code sh} guard that stops it when
 * the JVM's end of its standard input closes, which happens when the JVM exits or is killed.
 *
 * <pre>{@code
 * try (Velero velero = Velero.builder(ControlPlane.shared())
 *     .storeValidationFrequency(Duration.ofSeconds(1))
 *     .environment("AWS_SHARED_CREDENTIALS_FILE", platformCredentials.toString())
 *     .start()) {
 *   ...
 * }
 * }</pre>
 */
public final class Velero implements AutoCloseable {
  private static final Object LOCK = new Object();
  private static @Nullable Velero running;

  private final Process process;
  private final Path log;
  private final Path dir;

  private Velero(Process process, Path log, Path dir) {
    this.process = process;
    this.log = log;
    this.dir = dir;
  }

  /**
   * A builder for a Velero server against this control plane.
   *
   * @param controlPlane the control plane, with Velero's CRDs and namespace installed ({@link
   *     ControlPlane#shared()} has them)
   * @return the builder
   */
  public static Builder builder(ControlPlane controlPlane) {
    return new Builder(controlPlane);
  }

  /**
   * The Velero version this harness builds.
   *
   * @return such as {@code v1.18.3}
   */
  public static String version() {
    return VeleroBinaries.veleroVersion();
  }

  /**
   * The AWS plugin version this harness builds.
   *
   * @return such as {@code v1.14.3}
   */
  public static String awsPluginVersion() {
    return VeleroBinaries.awsPluginVersion();
  }

  /**
   * The GCP plugin version this harness builds.
   *
   * @return such as {@code v1.14.2}
   */
  public static String gcpPluginVersion() {
    return VeleroBinaries.gcpPluginVersion();
  }

  /** Options of a Velero server. */
  public static final class Builder {
    private final ControlPlane controlPlane;
    private Duration storeValidationFrequency = Duration.ofSeconds(1);
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> flags = new ArrayList<>();
    private @Nullable ObjectStore objectStore;

    private Builder(ControlPlane controlPlane) {
      this.controlPlane = Objects.requireNonNull(controlPlane, "controlPlane");
    }

    /**
     * How often Velero validates each location (its {@code --store-validation-frequency}); one
     * second by default, so tests see a location's phase change quickly.
     *
     * @param frequency the period
     * @return this builder
     */
    public Builder storeValidationFrequency(Duration frequency) {
      this.storeValidationFrequency = Objects.requireNonNull(frequency, "frequency");
      return this;
    }

    /**
     * An environment variable of the Velero process (its plugins inherit it), such as {@code
     * AWS_SHARED_CREDENTIALS_FILE} for Velero's own credentials.
     *
     * @param name the variable
     * @param value its value
     * @return this builder
     */
    public Builder environment(String name, String value) {
      environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Points Velero's AWS plugin at an object store, whatever host a location names:
     *
     * <ul>
     *   <li>{@code HTTP_PROXY} is the store, which serves requests in absolute form, so a location
     *       with an {@code s3Url} such as {@code http://minio.minio-system.svc:9000} reaches it
     *       without DNS and keeps an endpoint the library's rules accept (they refuse loopback);
     *   <li>{@code AWS_ENDPOINT_URL_S3} is the store, for locations of provider {@code aws} without
     *       {@code s3Url} (the AWS SDK then addresses buckets by path, the endpoint being an IP);
     *   <li>{@code AWS_SHARED_CREDENTIALS_FILE} holds the store's key, as Velero's own (platform)
     *       credentials, for locations that name no {@code credential}.
     * </ul>
     *
     * <p>Loopback hosts (the API server) are never proxied; hosts listed in {@code NO_PROXY} (set
     * it with {@link #environment}) are reached directly, so an unresolvable name there is
     * unreachable.
     *
     * @param store the object store
     * @return this builder
     */
    public Builder objectStore(ObjectStore store) {
      this.objectStore = Objects.requireNonNull(store, "store");
      environment.put("HTTP_PROXY", store.endpoint());
      environment.put("AWS_ENDPOINT_URL_S3", store.endpoint());
      return this;
    }

    /**
     * Points Velero's GCP plugin at a GCS emulator ({@code STORAGE_EMULATOR_HOST}); the GCS client
     * then talks plain HTTP to it and sends no credentials.
     *
     * @param emulator the emulator
     * @return this builder
     */
    public Builder gcsEmulator(GcsEmulator emulator) {
      environment.put("STORAGE_EMULATOR_HOST", emulator.endpoint());
      return this;
    }

    /**
     * An extra flag of {@code velero server}, after the harness's own.
     *
     * @param flag such as {@code --log-level=debug}
     * @return this builder
     */
    public Builder flag(String flag) {
      flags.add(Objects.requireNonNull(flag, "flag"));
      return this;
    }

    /**
     * Builds Velero if needed and starts it; returns once its controllers run.
     *
     * @return the running server; close it to stop it
     * @throws ControlPlaneException when Velero cannot be built or started, or one already runs
     */
    public Velero start() {
      return Velero.start(this, System.err);
    }
  }

  private static Velero start(Builder b, PrintStream out) {
    synchronized (LOCK) {
      if (running != null && running.process.isAlive()) {
        throw new ControlPlaneException(
            "a Velero server already runs in this JVM; Velero binds port 8080, so only one can"
                + " run at a time: close it first");
      }
      Path binaries = VeleroBinaries.ensure(out);
      Path azurePlugin = StoreBinaries.azurePlugin(out);
      try {
        if (!portIsFree(8080)) {
          throw new ControlPlaneException(
              "port 8080 is taken: Velero's metrics server always binds it, so Velero cannot start"
                  + " while another program holds it");
        }
        Path dir = Files.createTempDirectory(b.controlPlane.runDir(), "velero-");
        Path home = Files.createDirectories(dir.resolve("home"));
        Path log = dir.resolve("velero.log");
        // --plugin-dir takes one directory: this run's, of links to the three plugins.
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        for (Path plugin :
            List.of(
                binaries.resolve("plugins").resolve(VeleroBinaries.AWS_PLUGIN),
                binaries.resolve("plugins").resolve(VeleroBinaries.GCP_PLUGIN),
                azurePlugin)) {
          Files.createSymbolicLink(plugins.resolve(plugin.getFileName()), plugin);
        }
        // Velero copies each location's credentials to $TMPDIR/credentials/ and never deletes
        // them: this run's directory, so the copies go with it.
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>();
        command.add(binaries.resolve(VeleroBinaries.SERVER).toString());
        command.add("server");
        command.add("--kubeconfig=" + b.controlPlane.adminKubeconfig());
        command.add("--namespace=" + ControlPlane.VELERO_NAMESPACE);
        command.add("--plugin-dir=" + plugins);
        command.add("--store-validation-frequency=" + b.storeValidationFrequency.toMillis() + "ms");
        command.add("--metrics-address=127.0.0.1:" + Processes.freePort());
        command.add("--profiler-address=127.0.0.1:" + Processes.freePort());
        command.add("--log-level=info");
        command.addAll(b.flags);
        ProcessBuilder pb = Processes.guarded(dir, command, log);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("TMPDIR", tmp.toString());
        for (String proxy :
            List.of(
                "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy")) {
          pb.environment().remove(proxy);
        }
        if (b.objectStore != null) {
          Path credentials = dir.resolve("platform-credentials");
          Files.writeString(credentials, b.objectStore.credentialsFile());
          pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        }
        pb.environment().putAll(b.environment);
        Process process = pb.start();
        Velero velero = new Velero(process, log, dir);
        velero.awaitStarted();
        running = velero;
        out.println(
            "lattice-velero: Velero "
                + version()
                + " with velero-plugin-for-aws "
                + awsPluginVersion()
                + ", velero-plugin-for-gcp "
                + gcpPluginVersion()
                + " and velero-plugin-for-microsoft-azure "
                + StoreBinaries.azurePluginVersion()
                + " running (log: "
                + log
                + ")");
        return velero;
      } catch (IOException e) {
        throw new ControlPlaneException("cannot start Velero: " + e.getMessage(), e);
      }
    }
  }

  private void awaitStarted() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      if (text.contains("Starting workers")
          && text.contains("controller=backup-storage-location")) {
        return;
      }
      if (!process.isAlive()) {
        throw new ControlPlaneException(
            "Velero exited with "
                + process.exitValue()
                + "; last lines of "
                + log
                + ":\n"
                + Processes.tail(log, 30));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        close();
        Thread.currentThread().interrupt();
        throw new ControlPlaneException("interrupted while Velero started", e);
      }
    }
    close();
    throw new ControlPlaneException(
        "Velero did not start within 2 minutes; last lines of "
            + log
            + ":\n"
            + Processes.tail(log, 30));
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket s = new ServerSocket(port)) {
      s.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Velero's log so far (text format), for assertions and for failure messages.
   *
   * @return the log
   */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /**
   * Whether the server still runs.
   *
   * @return true until it is closed or exits
   */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops Velero (SIGTERM, then SIGKILL after ten seconds) and waits for it. */
  @Override
  public void close() {
    synchronized (LOCK) {
      Guard.stop(process);
      StaleRuns.delete(dir.resolve("tmp")); // Velero's copies of credentials
      if (running == this) {
        running = null;
      }
    }
  }

  /** The directory of this server's files (log, home), for diagnostics. */
  Path directory() {
    return dir;
  }
}
