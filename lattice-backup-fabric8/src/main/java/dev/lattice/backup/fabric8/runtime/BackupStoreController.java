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
package dev.lattice.backup.fabric8.runtime;

import dev.lattice.backup.fabric8.adapter.internal.CachedPorts;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A controller for hosts without an operator framework, in the manner of controller-runtime: it
 * reads the cluster from informer caches, turns every change into the key of the store it concerns,
 * and hands keys from a work queue to a bounded pool of workers, which reconcile one store each.
 *
 * <ul>
 *   <li><b>Reads</b> come from the caches once they are filled (BackupStores in every namespace,
 *       BSLs and our mirrored Secrets in Velero's namespace); a pass for one store costs no list
 *       and no request but its writes, and the read of its credentials Secret now and then (see
 *       {@link #builder}'s {@code credentialsTtl}).
 *   <li><b>Writes</b> are conditional on the version read, or server-side apply. After writing, a
 *       store waits until its cache shows its writes, so no pass acts on what it has just changed.
 *   <li><b>The queue</b> holds a store once however many events it gets; a store is never
 *       reconciled by two workers at once; a failed pass is retried after a per-store exponential
 *       backoff, and retries share a token bucket.
 *   <li><b>The default</b> is decided over every store that asks to be it, from the cache, by the
 *       {@link Reconciler}'s single default writer: no two of our BSLs are ever the default.
 *   <li><b>Resync</b>: every resync period each store is reconciled again from the cache, which
 *       writes nothing on a converged cluster and lists nothing.
 *   <li><b>Leader election</b> (optional): only the holder of a Lease works; the others keep their
 *       caches warm.
 * </ul>
 *
 * <p>Its parts, package-private in this package: {@code InformerCache} with {@code Expectations},
 * {@code ChangeRouter} from cache changes to the {@code WorkQueue}, {@code Workers} and {@code
 * Leadership}.
 *
 * <pre>{@code
 * KubernetesClient client = new KubernetesClientBuilder().build();
 * try (BackupStoreController controller =
 *     BackupStoreController.builder(client, ReconcileOptions.defaults()).workers(4).start()) {
 *   Thread.currentThread().join();
 * }
 * }</pre>
 */
public final class BackupStoreController implements AutoCloseable {
  private final InformerCache cache;
  private final WorkQueue<String> queue;
  private final ScheduledExecutorService scheduler;
  private final Workers workers;
  private final Leadership leadership;
  private final AtomicBoolean closed = new AtomicBoolean();

  private BackupStoreController(Builder b) {
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lattice-backup-scheduler");
              t.setDaemon(true);
              return t;
            });
    this.queue = b.queue(scheduler);
    String velero = b.options.translation().veleroNamespace();
    this.cache =
        new InformerCache(
            b.client,
            velero,
            b.resync,
            new Expectations(System::nanoTime, Duration.ofSeconds(30)),
            new ChangeRouter(queue));
    Reconciler reconciler =
        new Reconciler(
            CachedPorts.over(
                b.client,
                velero,
                cache::rawStore,
                cache::wrote,
                cache.view(),
                b.credentialsTtl,
                System::nanoTime),
            b.options);
    this.workers = new Workers(reconciler, cache, queue, b.listener, b.workers);
    this.leadership = new Leadership(workers, b.listener);
  }

  /**
   * Starts building a controller.
   *
   * @param client the client; the host owns and closes it
   * @param options the reconcile options, the one source of Velero's namespace and the other
   *     cluster-wide settings
   * @return the builder
   */
  public static Builder builder(KubernetesClient client, ReconcileOptions options) {
    return new Builder(client, options);
  }

  /** Settings of a {@link BackupStoreController}; {@link #start()} runs it. */
  public static final class Builder {
    private final KubernetesClient client;
    private final ReconcileOptions options;
    private Duration resync = Duration.ofMinutes(10);
    private Duration credentialsTtl = Duration.ofMinutes(1);
    private int workers = 2;
    private Duration baseDelay = Duration.ofMillis(100);
    private Duration maxDelay = Duration.ofMinutes(5);
    private double retriesPerSecond = 10;
    private int retryBurst = 100;
    private Duration syncTimeout = Duration.ofMinutes(2);
    private Optional<LeaderElection> election = Optional.empty();
    private ControllerListener listener = new ControllerListener() {};

    private Builder(KubernetesClient client, ReconcileOptions options) {
      this.client = Objects.requireNonNull(client, "client");
      this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * How often every store is reconciled again without an event (default 10 minutes).
     *
     * @param resync the period
     * @return this builder
     */
    public Builder resync(Duration resync) {
      this.resync = positive(resync, "resync");
      return this;
    }

    /**
     * How long a store's credentials Secret, once read, is used without reading it again (default 1
     * minute): a rotated key, a revocation or a new {@code ca.crt} reaches Velero's namespace at
     * most this long after it happens, on the store's next pass; keep it below the resync period.
     *
     * @param ttl the time
     * @return this builder
     */
    public Builder credentialsTtl(Duration ttl) {
      this.credentialsTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * How many stores may be reconciled at once (default 2).
     *
     * @param workers at least 1
     * @return this builder
     */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1, not " + workers);
      }
      this.workers = workers;
      return this;
    }

    /**
     * The per-store backoff after failed passes: doubling from {@code base} up to {@code max}
     * (defaults 100 ms and 5 minutes).
     *
     * @param base the first delay
     * @param max the longest delay
     * @return this builder
     */
    public Builder backoff(Duration base, Duration max) {
      this.baseDelay = positive(base, "base");
      this.maxDelay = positive(max, "max");
      return this;
    }

    /**
     * The overall limit on retries of failed passes, a token bucket (defaults 10 per second, bursts
     * of 100).
     *
     * @param perSecond tokens per second
     * @param burst the bucket's size
     * @return this builder
     */
    public Builder retryLimit(double perSecond, int burst) {
      if (!(perSecond > 0) || burst < 1) {
        throw new IllegalArgumentException("retry limit must be positive");
      }
      this.retriesPerSecond = perSecond;
      this.retryBurst = burst;
      return this;
    }

    /**
     * Work only while holding a Lease.
     *
     * @param election the Lease and timings
     * @return this builder
     */
    public Builder leaderElection(LeaderElection election) {
      this.election = Optional.of(Objects.requireNonNull(election, "election"));
      return this;
    }

    /**
     * Whom to tell of passes and leadership.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(ControllerListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * How long {@link #start()} waits for the caches to fill (default 2 minutes).
     *
     * @param timeout the time
     * @return this builder
     */
    public Builder syncTimeout(Duration timeout) {
      this.syncTimeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * Fills the caches, then starts the workers (at once, or when the Lease is won); a first pass
     * over every store runs when they start.
     *
     * @return the running controller; close it to stop
     * @throws IllegalStateException when the caches cannot be filled in time
     */
    public BackupStoreController start() {
      BackupStoreController controller = new BackupStoreController(this);
      try {
        controller.cache.start(syncTimeout);
      } catch (RuntimeException e) {
        controller.close();
        throw e;
      }
      if (election.isPresent()) {
        controller.leadership.elect(client, election.get());
      } else {
        controller.leadership.lead();
      }
      return controller;
    }

    /** The work queue these settings make: the per-store backoff and the retry bucket. */
    WorkQueue<String> queue(ScheduledExecutorService scheduler) {
      return new WorkQueue<>(
          scheduler, System::nanoTime, baseDelay, maxDelay, retriesPerSecond, retryBurst);
    }

    private static Duration positive(Duration d, String what) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, not " + d);
      }
      return d;
    }
  }

  /**
   * Whether the caches are filled and watching.
   *
   * @return true once synced
   */
  public boolean synced() {
    return cache.synced();
  }

  /**
   * Whether this controller works now (it holds the Lease, or runs without leader election).
   *
   * @return true while leading
   */
  public boolean leading() {
    return leadership.leading();
  }

  /**
   * How many stores wait in the queue.
   *
   * @return the queue's depth
   */
  public int queueDepth() {
    return queue.depth();
  }

  /**
   * How many stores are being reconciled now.
   *
   * @return the busy workers
   */
  public int busyWorkers() {
    return workers.busy();
  }

  /**
   * How many stores the cache holds.
   *
   * @return the count
   */
  public int cachedStores() {
    return cache.storeCount();
  }

  /** Stops the workers (waits up to 10 s for each), then gives up the Lease, then the informers. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // The workers first (each joined for up to 10 s), so that no write of ours follows the release;
    // fabric8 releases the Lease (releaseOnCancel: its duration cut to 1 s, so a standby takes it
    // at
    // its next try) on this thread before cancel returns.
    workers.close();
    leadership.close();
    scheduler.shutdownNow();
    cache.close();
  }
}
