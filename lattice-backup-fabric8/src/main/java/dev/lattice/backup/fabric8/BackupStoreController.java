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
package dev.lattice.backup.fabric8;

import dev.lattice.backup.reconcile.ReconcileOutcome;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.translate.StoreKey;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <pre>{@code
 * KubernetesClient client = new KubernetesClientBuilder().build();
 * try (BackupStoreController controller =
 *     BackupStoreController.builder(client, ReconcileOptions.defaults()).workers(4).start()) {
 *   Thread.currentThread().join();
 * }
 * }</pre>
 */
public final class BackupStoreController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackupStoreController.class);
  private static final String ALL = "";

  private final Reconciler reconciler;
  private final InformerCache cache;
  private final WorkQueue<String> queue;
  private final ScheduledExecutorService scheduler;
  private final List<Thread> workers = new ArrayList<>();
  private final int workerCount;
  private final ControllerListener listener;
  private final AtomicBoolean leading = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger busy = new AtomicInteger();
  private volatile @Nullable CompletableFuture<?> election;

  private BackupStoreController(Builder b) {
    this.workerCount = b.workers;
    this.listener = b.listener;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lattice-backup-scheduler");
              t.setDaemon(true);
              return t;
            });
    this.queue =
        new WorkQueue<>(
            scheduler, System::nanoTime, b.baseDelay, b.maxDelay, b.retriesPerSecond, b.retryBurst);
    String velero = b.options.translation().veleroNamespace();
    this.cache =
        new InformerCache(
            b.client,
            velero,
            b.resync,
            new Expectations(System::nanoTime, Duration.ofSeconds(30)),
            this::onChange);
    this.reconciler =
        new Reconciler(
            CachedPorts.over(b.client, velero, cache, b.credentialsTtl, System::nanoTime),
            b.options);
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
        controller.elect(client, election.get());
      } else {
        controller.lead();
      }
      return controller;
    }

    private static Duration positive(Duration d, String what) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, not " + d);
      }
      return d;
    }
  }

  private void elect(KubernetesClient client, LeaderElection e) {
    election =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName("lattice-backup")
                    .withLock(new LeaseLock(e.namespace(), e.name(), e.identity()))
                    .withLeaseDuration(e.leaseDuration())
                    .withRenewDeadline(e.renewDeadline())
                    .withRetryPeriod(e.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(
                            this::lead,
                            this::stopLeading,
                            leader -> LOG.info("leader is now {}", leader)))
                    .build())
            .build()
            .start();
  }

  private void lead() {
    if (closed.get() || !leading.compareAndSet(false, true)) {
      return;
    }
    LOG.info("leading: starting {} workers", workerCount);
    listener.leading(true);
    queue.add(ALL);
    for (int i = 0; i < workerCount; i++) {
      Thread t = new Thread(this::work, "lattice-backup-worker-" + (i + 1));
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
  }

  private void stopLeading() {
    if (leading.compareAndSet(true, false)) {
      if (closed.get()) {
        LOG.info("closed: gave up the Lease");
      } else {
        LOG.warn("lost the Lease: stopping the workers");
      }
      listener.leading(false);
      queue.shutDown();
      workers.forEach(Thread::interrupt);
    }
  }

  /** Turns a cache change into queued work. */
  private void onChange(InformerCache.Change change) {
    if (change instanceof InformerCache.Change.Store s) {
      queue.add(s.key().toString());
    } else if (change instanceof InformerCache.Change.Bsl b) {
      if (b.owner().isPresent()) {
        queue.add(b.owner().get().toString());
      } else if (b.defaultChanged()) {
        // A foreign BSL became, or stopped being, the default: the default may have to move.
        queue.add(ALL);
      }
    } else if (change instanceof InformerCache.Change.Secret sec) {
      sec.owner().ifPresent(o -> queue.add(o.toString()));
    }
  }

  private void work() {
    while (!closed.get()) {
      String key;
      try {
        key = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (key == null) {
        return;
      }
      busy.incrementAndGet();
      try {
        process(key);
      } finally {
        busy.decrementAndGet();
        queue.done(key);
      }
    }
  }

  private void process(String key) {
    Optional<StoreKey> store = key.equals(ALL) ? Optional.empty() : StoreKeys.parse(key);
    if (store.isPresent() && !cache.caughtUp(store.get())) {
      // The watch that brings our own writes queues the store again; this is a safety net.
      queue.addAfter(key, Duration.ofSeconds(5));
      return;
    }
    long start = System.nanoTime();
    ReconcileOutcome outcome;
    try {
      outcome =
          store.isPresent()
              ? reconciler.reconcile(store.get().namespace(), store.get().name())
              : reconciler.reconcile();
    } catch (RuntimeException e) {
      LOG.error("reconcile {} failed unexpectedly", key.isEmpty() ? "all" : key, e);
      queue.retry(key);
      return;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    listener.passed(store.map(StoreKey::toString), outcome, took);
    if (!outcome.failures().isEmpty()) {
      queue.retry(key);
    } else {
      queue.forget(key);
      outcome.requeueAfter().ifPresent(d -> queue.addAfter(key, d));
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
    return leading.get();
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
    return busy.get();
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
    queue.shutDown();
    workers.forEach(Thread::interrupt);
    for (Thread t : workers) {
      try {
        t.join(10_000);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    // After the workers, so that no write of ours follows; fabric8 releases (releaseOnCancel:
    // holder
    // cleared, a standby takes the Lease at its next try) on this thread before cancel returns.
    CompletableFuture<?> e = election;
    if (e != null) {
      e.cancel(true);
    }
    scheduler.shutdownNow();
    cache.close();
  }
}
