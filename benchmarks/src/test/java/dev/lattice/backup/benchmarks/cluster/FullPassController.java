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
package dev.lattice.backup.benchmarks.cluster;

import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.ReconcileOutcome;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.translate.bsl.BslLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small controller loop for hosts without an operator framework: informers on BackupStores (all
 * namespaces) and on BSLs (Velero's namespace) queue work for one or more worker threads, which run
 * {@link Reconciler#reconcile(String, String)} for a changed store and a full {@link
 * Reconciler#reconcile()} when the default may move (a store created, deleted or changing its
 * {@code default}; a BSL that is not ours changing), at start, and on every resync. It honours each
 * outcome's requeue hint. With several workers, passes of different stores run at the same time;
 * the {@link Reconciler} keeps passes of one store apart, runs a full pass alone, and moves the
 * default through its single default writer.
 *
 * <pre>{@code
 * KubernetesClient client = new KubernetesClientBuilder().build();
 * Reconciler reconciler = new Reconciler(Fabric8Ports.create(client, "velero"), ReconcileOptions.defaults());
 * try (FullPassController controller = FullPassController.start(client, reconciler, "velero")) {
 *   Thread.currentThread().join();
 * }
 * }</pre>
 */
public final class FullPassController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FullPassController.class);
  private static final String ALL = "";

  private final Reconciler reconciler;
  private final ScheduledExecutorService worker;
  private final Set<String> queue = new LinkedHashSet<>();
  private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();

  private FullPassController(Reconciler reconciler, int workers) {
    this.reconciler = reconciler;
    java.util.concurrent.atomic.AtomicInteger count =
        new java.util.concurrent.atomic.AtomicInteger();
    this.worker =
        Executors.newScheduledThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "lattice-backup-controller-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts the informers and the worker; the first full pass runs at once.
   *
   * @param client the client; the host owns and closes it
   * @param reconciler the reconciler, usually over {@link Fabric8Ports#create}
   * @param veleroNamespace Velero's namespace
   * @param resync how often to run a full pass even without events
   * @return the running controller; close it to stop
   */
  public static FullPassController start(
      KubernetesClient client, Reconciler reconciler, String veleroNamespace, Duration resync) {
    return start(client, reconciler, veleroNamespace, resync, 1);
  }

  /**
   * Starts with several worker threads; the first full pass runs at once.
   *
   * @param client the client; the host owns and closes it
   * @param reconciler the reconciler, usually over {@link Fabric8Ports#create}
   * @param veleroNamespace Velero's namespace
   * @param resync how often to run a full pass even without events
   * @param workers how many passes may run at once, at least 1
   * @return the running controller; close it to stop
   */
  public static FullPassController start(
      KubernetesClient client,
      Reconciler reconciler,
      String veleroNamespace,
      Duration resync,
      int workers) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(reconciler, "reconciler");
    if (!reconciler.veleroNamespace().equals(veleroNamespace)) {
      throw new IllegalArgumentException(
          "Velero's namespace is configured twice, differently: the controller would watch \""
              + veleroNamespace
              + "\", the reconciler's options name \""
              + reconciler.veleroNamespace()
              + "\"; derive both from one setting");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, not " + workers);
    }
    FullPassController controller =
        new FullPassController(Objects.requireNonNull(reconciler, "reconciler"), workers);
    controller.enqueue(ALL);
    controller.informers.add(
        client
            .genericKubernetesResources(Resources.BACKUP_STORES)
            .inAnyNamespace()
            .inform(controller.storeHandler(), resync.toMillis()));
    try {
      controller.informers.add(
          client
              .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
              .inNamespace(veleroNamespace)
              .inform(controller.bslHandler(), resync.toMillis()));
    } catch (RuntimeException e) {
      // Velero may not be installed yet; the periodic full pass notices when it is.
      LOG.warn("cannot watch BackupStorageLocations in {}: {}", veleroNamespace, e.getMessage());
    }
    controller.worker.scheduleWithFixedDelay(
        () -> controller.enqueue(ALL), resync.toMillis(), resync.toMillis(), TimeUnit.MILLISECONDS);
    return controller;
  }

  /**
   * Starts with a full pass every ten minutes.
   *
   * @param client the client
   * @param reconciler the reconciler
   * @param veleroNamespace Velero's namespace
   * @return the running controller
   */
  public static FullPassController start(
      KubernetesClient client, Reconciler reconciler, String veleroNamespace) {
    return start(client, reconciler, veleroNamespace, Duration.ofMinutes(10));
  }

  private ResourceEventHandler<GenericKubernetesResource> storeHandler() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource store) {
        enqueue(isDefault(store) ? ALL : key(store));
      }

      @Override
      public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
        boolean defaultMayMove =
            isDefault(before) != isDefault(after)
                || after.getMetadata().getDeletionTimestamp() != null;
        enqueue(defaultMayMove ? ALL : key(after));
      }

      @Override
      public void onDelete(GenericKubernetesResource store, boolean unknownFinalState) {
        enqueue(ALL);
      }
    };
  }

  private ResourceEventHandler<GenericKubernetesResource> bslHandler() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource bsl) {
        enqueue(owner(bsl).orElse(ALL));
      }

      @Override
      public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
        enqueue(owner(after).orElse(ALL));
      }

      @Override
      public void onDelete(GenericKubernetesResource bsl, boolean unknownFinalState) {
        enqueue(owner(bsl).orElse(ALL));
      }
    };
  }

  private static boolean isDefault(GenericKubernetesResource store) {
    Object spec = store.getAdditionalProperties().get("spec");
    return spec instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("default"));
  }

  private static String key(GenericKubernetesResource r) {
    return r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
  }

  private static Optional<String> owner(GenericKubernetesResource bsl) {
    return BslLabels.owner(ObjectMetadata.fromFabric8(bsl.getMetadata()));
  }

  /** Queues a pass for a key, unless one is queued already; any free worker takes it. */
  private void enqueue(String key) {
    boolean schedule;
    synchronized (queue) {
      schedule = queue.add(key);
    }
    if (schedule && !worker.isShutdown()) {
      try {
        worker.execute(() -> process(key));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        LOG.debug("controller stopped; {} not reconciled", key.isEmpty() ? "all" : key);
      }
    }
  }

  private void process(String key) {
    synchronized (queue) {
      queue.remove(key);
    }
    requeue(key, run(key));
  }

  private ReconcileOutcome run(String key) {
    try {
      if (key.equals(ALL)) {
        return reconciler.reconcile();
      }
      int slash = key.indexOf('/');
      return reconciler.reconcile(key.substring(0, slash), key.substring(slash + 1));
    } catch (RuntimeException e) {
      LOG.error("reconcile {} failed unexpectedly", key.isEmpty() ? "all" : key, e);
      return new ReconcileOutcome(
          List.of(), List.of(), List.of(), 0, Optional.of(Duration.ofSeconds(30)));
    }
  }

  private void requeue(String key, ReconcileOutcome outcome) {
    outcome
        .requeueAfter()
        .ifPresent(
            delay -> {
              if (!worker.isShutdown()) {
                worker.schedule(() -> enqueue(key), delay.toMillis(), TimeUnit.MILLISECONDS);
              }
            });
  }

  /** Stops the informers and the worker. */
  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
    worker.shutdownNow();
  }
}
