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

import dev.lattice.backup.fabric8.runtime.BackupStoreController;
import dev.lattice.backup.fabric8.runtime.LeaderElection;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.translate.TranslationOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lattice-backup-controller}: runs {@link BackupStoreController} until stopped. Every option
 * has an environment variable for Deployments; a flag wins over its variable.
 */
@Command(
    name = "lattice-backup-controller",
    mixinStandardHelpOptions = true,
    version = "lattice-backup-controller 0.1.0",
    description = "Keeps Velero's BackupStorageLocations in step with the BackupStores.",
    footer = {
      "",
      "Exit codes: 143 stopped by SIGTERM (130 by SIGINT), after the workers stopped and the",
      "Lease was released; 1 lost the Lease (restart to rejoin); 2 usage error; 3 could not start",
      "(no cluster, caches not filled, probe port taken)."
    })
public final class Main implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  @Option(
      names = "--kubeconfig",
      defaultValue = "${env:KUBECONFIG}",
      description = "kubeconfig file; in-cluster configuration when absent (env KUBECONFIG)")
  @Nullable Path kubeconfig;

  @Option(
      names = "--velero-namespace",
      defaultValue = "${env:LATTICE_VELERO_NAMESPACE:-velero}",
      description = "Velero's namespace (env LATTICE_VELERO_NAMESPACE, default velero)")
  String veleroNamespace = "velero";

  @Option(
      names = "--platform-namespace",
      defaultValue = "${env:LATTICE_PLATFORM_NAMESPACE:-lattice-system}",
      description =
          "the platform's namespace, whose stores may be the default (env"
              + " LATTICE_PLATFORM_NAMESPACE, default lattice-system)")
  String platformNamespace = "lattice-system";

  @Option(
      names = "--resync",
      defaultValue = "${env:LATTICE_RESYNC:-PT10M}",
      description = "resync period, ISO-8601 (env LATTICE_RESYNC, default PT10M)")
  Duration resync = Duration.ofMinutes(10);

  @Option(
      names = "--workers",
      defaultValue = "${env:LATTICE_WORKERS:-2}",
      description = "stores reconciled at once (env LATTICE_WORKERS, default 2)")
  int workers = 2;

  @Option(
      names = "--http-port",
      defaultValue = "${env:LATTICE_HTTP_PORT:-8081}",
      description = "port of /healthz, /readyz and /metrics (env LATTICE_HTTP_PORT, default 8081)")
  int httpPort = 8081;

  @Option(
      names = "--http-address",
      defaultValue = "${env:LATTICE_HTTP_ADDRESS:-0.0.0.0}",
      description = "address the probes listen on (env LATTICE_HTTP_ADDRESS, default 0.0.0.0)")
  String httpAddress = "0.0.0.0";

  @Option(
      names = "--leader-election",
      defaultValue = "${env:LATTICE_LEADER_ELECTION:-true}",
      arity = "1",
      description = "elect a leader on a Lease (env LATTICE_LEADER_ELECTION, default true)")
  boolean leaderElection = true;

  @Option(
      names = "--lease-namespace",
      defaultValue = "${env:POD_NAMESPACE:-lattice-system}",
      description = "the Lease's namespace (env POD_NAMESPACE, default lattice-system)")
  String leaseNamespace = "lattice-system";

  @Option(
      names = "--lease-name",
      defaultValue = "${env:LATTICE_LEASE_NAME:-lattice-backup-controller}",
      description = "the Lease's name (env LATTICE_LEASE_NAME)")
  String leaseName = "lattice-backup-controller";

  @Option(
      names = "--lease-duration",
      defaultValue = "${env:LATTICE_LEASE_DURATION:-PT15S}",
      description = "the Lease's duration; renew deadline 2/3 and retry period 2/15 of it")
  Duration leaseDuration = Duration.ofSeconds(15);

  @Option(
      names = "--identity",
      description =
          "this replica's name in the Lease and its user agent (default env POD_NAME, else"
              + " HOSTNAME, else lattice-backup-controller)")
  @Nullable String identity;

  /** The environment the defaults come from; a test sets its own. */
  Map<String, String> env = System.getenv();

  /** How long the shutdown hook waits for the controller to close before the JVM halts. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(25);

  /** Counted down on a signal (by the shutdown hook) or when the Lease is lost. */
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Counted down once {@link #call()} has closed everything it opened. */
  private final CountDownLatch closed = new CountDownLatch(1);

  private volatile boolean signalled;
  private volatile int exitCode;

  /**
   * Runs the controller.
   *
   * @param args the flags
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    return run(new PrintWriter(System.err, true), args);
  }

  static int run(PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          e.getCommandLine()
              .getErr()
              .println("lattice-backup-controller: " + e.getMessage() + " (see --help)");
          return 2;
        });
    return cli.execute(args);
  }

  /** Settings as the controller needs them; no I/O. */
  ReconcileOptions options() {
    return ReconcileOptions.of(
        TranslationOptions.defaults().toBuilder()
            .veleroNamespace(veleroNamespace)
            .platformNamespace(platformNamespace)
            .build());
  }

  /**
   * The identity when {@code --identity} is not given: the first of {@code POD_NAME} and {@code
   * HOSTNAME} that is set and not blank, else {@code lattice-backup-controller}.
   *
   * @param env the environment
   * @return the identity
   */
  static String defaultIdentity(Map<String, String> env) {
    for (String name : List.of("POD_NAME", "HOSTNAME")) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return "lattice-backup-controller";
  }

  /** This replica's identity: {@code --identity}, else {@link #defaultIdentity} of {@link #env}. */
  String identity() {
    return identity != null ? identity : defaultIdentity(env);
  }

  LeaderElection election() {
    return new LeaderElection(
        leaseNamespace,
        leaseName,
        identity(),
        leaseDuration,
        leaseDuration.multipliedBy(2).dividedBy(3),
        leaseDuration.multipliedBy(2).dividedBy(15));
  }

  /**
   * Runs the controller until a signal or the loss of the Lease, and closes it (which stops the
   * workers, then releases the Lease) before returning.
   */
  @Override
  public Integer call() {
    try {
      return runController();
    } finally {
      closed.countDown();
    }
  }

  /**
   * On SIGTERM or SIGINT the JVM runs its shutdown hooks and then halts with 128 + the signal's
   * number, whatever {@link #main} would pass to {@code System.exit}. This hook wakes the main
   * thread and holds the JVM until the main thread has closed the controller (at most {@link
   * #STOP_TIMEOUT}), so that the Lease is released before the process ends.
   */
  private void onShutdown() {
    signalled = true;
    stopped.countDown();
    try {
      if (!closed.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.error("not closed within {}: exiting anyway", STOP_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int runController() {
    ReconcileOptions options;
    LeaderElection election;
    try {
      options = options();
      election = election();
    } catch (IllegalArgumentException e) {
      System.err.println("lattice-backup-controller: " + e.getMessage() + " (see --help)");
      return 2;
    }
    Metrics metrics = new Metrics();
    Config config;
    try {
      config =
          kubeconfig == null
              ? Config.autoConfigure(null)
              : Config.fromKubeconfig(Files.readString(kubeconfig));
    } catch (IOException | RuntimeException e) {
      System.err.println("lattice-backup-controller: cannot read the cluster configuration: " + e);
      return 3;
    }
    String identity = identity();
    config.setUserAgent("lattice-backup-controller/" + identity);
    // Before anything starts, so that a signal during start-up also closes what was started.
    Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "shutdown"));
    try (KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientBuilderConsumer(
                    b -> b.addOrReplaceInterceptor("lattice-metrics", metrics.requests()))
                .build();
        Probes probes = Probes.start(httpAddress, httpPort, metrics)) {
      BackupStoreController.Builder builder =
          BackupStoreController.builder(client, options)
              .workers(workers)
              .resync(resync)
              .listener(
                  metrics.listener(
                      leading -> {
                        // Closing after a signal gives up the Lease too: not a loss.
                        if (!leading && !signalled) {
                          exitCode = 1;
                          stopped.countDown();
                        }
                      }));
      if (leaderElection) {
        builder.leaderElection(election);
      }
      BackupStoreController controller;
      try {
        controller = builder.start();
      } catch (RuntimeException e) {
        LOG.error("cannot start: {}", e.getMessage());
        return 3;
      }
      try (controller) {
        metrics.watch(controller);
        probes.ready(controller);
        LOG.info(
            "started: velero namespace {}, platform namespace {}, {} workers, resync {}, {}",
            veleroNamespace,
            platformNamespace,
            workers,
            resync,
            leaderElection
                ? "leader election on Lease " + leaseNamespace + "/" + leaseName
                : "no leader election");
        stopped.await();
        LOG.info(signalled ? "stopping on a signal: closing" : "stopping: closing");
      }
      LOG.info("stopped");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      System.err.println("lattice-backup-controller: cannot serve the probes: " + e.getMessage());
      return 3;
    }
    return exitCode;
  }
}
