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
package dev.lattice.backup.josdk;

import dev.lattice.backup.reconcile.ReconcileOutcome;
import io.javaoperatorsdk.operator.processing.event.EventProcessor;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects orphans (BSLs and mirrored Secrets whose store is gone) even when no store is left to
 * reconcile: an orphan's event maps to no primary, so JOSDK never calls the reconciler for it.
 * Registered as one of the controller's event sources, so JOSDK starts and stops it with the
 * informers; it emits no event. A sweep is requested on start, by every BSL or Secret event whose
 * proven owner is not in the primary cache, after a store's pass that sees an orphan, and every
 * {@value LatticeBackupOperator#RESYNC_MINUTES} minutes. Requests are coalesced and run on one
 * thread. A sweep waits (rechecking every second) until this controller processes events (it leads)
 * and all three caches have synced: a cache still filling shows BSLs whose stores it has not listed
 * yet, and collecting those would delete live stores' BSLs. Then, if the caches hold an orphan, it
 * runs one full pass from the caches (no LIST).
 */
final class OrphanSweeper extends AbstractEventSource<Void, BackupStoreResource> {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanSweeper.class);

  /** The event source's name. */
  static final String NAME = "orphan-sweeper";

  /** How soon a sweep that waits for the caches or for leadership looks again. */
  static final Duration RECHECK = Duration.ofSeconds(1);

  /** What one attempt did. */
  enum Attempt {
    /** Not leading, or a cache not synced: nothing read, nothing written; tried again. */
    WAITING,
    /** No orphan in the caches: no pass. */
    NOTHING,
    /** A full pass ran and succeeded. */
    SWEPT,
    /** A full pass ran and some step failed: tried again. */
    FAILED
  }

  private final BooleanSupplier synced;
  private final BooleanSupplier orphans;
  private final Supplier<ReconcileOutcome> sweep;
  private final @Nullable BooleanSupplier leading;
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile @Nullable ScheduledExecutorService executor;

  /**
   * A sweeper that runs while JOSDK's event processor of this controller runs.
   *
   * @param synced whether the three caches have synced
   * @param orphans whether the caches hold an orphan
   * @param sweep the full pass
   */
  OrphanSweeper(BooleanSupplier synced, BooleanSupplier orphans, Supplier<ReconcileOutcome> sweep) {
    this(synced, orphans, sweep, null);
  }

  /** With another answer to "does this controller process events", for tests. */
  OrphanSweeper(
      BooleanSupplier synced,
      BooleanSupplier orphans,
      Supplier<ReconcileOutcome> sweep,
      @Nullable BooleanSupplier leading) {
    super(Void.class, NAME);
    this.synced = synced;
    this.orphans = orphans;
    this.sweep = sweep;
    this.leading = leading;
  }

  @Override
  public Set<Void> getSecondaryResources(BackupStoreResource primary) {
    return Set.of();
  }

  @Override
  public synchronized void start() {
    super.start();
    ScheduledExecutorService e =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lattice-backup-orphan-sweeper");
              t.setDaemon(true);
              return t;
            });
    executor = e;
    long every = Duration.ofMinutes(LatticeBackupOperator.RESYNC_MINUTES).toMillis();
    // Cancelled by shutdownNow() in stop(); request() throws nothing.
    Future<?> unused = e.scheduleWithFixedDelay(this::request, every, every, TimeUnit.MILLISECONDS);
    request();
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService e = executor;
    executor = null;
    if (e != null) {
      e.shutdownNow();
    }
    super.stop();
  }

  /** Asks for a sweep; cheap, and a no-op while one is already queued or before the start. */
  void request() {
    requestAfter(Duration.ZERO);
  }

  private void requestAfter(Duration delay) {
    ScheduledExecutorService e = executor;
    if (e != null && pending.compareAndSet(false, true)) {
      try {
        // attempt() catches what a sweep throws; nothing is lost by not reading the future.
        Future<?> unused = e.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException stopped) {
        pending.set(false);
      }
    }
  }

  /**
   * One attempt, on the calling thread: nothing at all unless this controller leads and the caches
   * have synced; then a full pass if the caches hold an orphan.
   */
  Attempt sweepOnce() {
    if (!leads() || !synced.getAsBoolean()) {
      return Attempt.WAITING;
    }
    if (!orphans.getAsBoolean()) {
      return Attempt.NOTHING;
    }
    return sweep.get().failures().isEmpty() ? Attempt.SWEPT : Attempt.FAILED;
  }

  private void attempt() {
    pending.set(false);
    Attempt attempt;
    try {
      attempt = sweepOnce();
    } catch (RuntimeException e) {
      LOG.warn("the orphan sweep failed; trying again", e);
      attempt = Attempt.FAILED;
    }
    if (attempt == Attempt.WAITING) {
      requestAfter(RECHECK);
    } else if (attempt == Attempt.FAILED) {
      requestAfter(BackupStoreReconciler.CLEANUP_RETRY);
    }
  }

  private boolean leads() {
    if (leading != null) {
      return leading.getAsBoolean();
    }
    return getEventHandler() instanceof EventProcessor<?> processor && processor.isRunning();
  }
}
