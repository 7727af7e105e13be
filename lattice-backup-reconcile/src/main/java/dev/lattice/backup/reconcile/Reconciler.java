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
package dev.lattice.backup.reconcile;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.plan.internal.ObservedState;
import dev.lattice.backup.reconcile.plan.internal.Planner;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.translate.StoreKey;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Velero in step with the BackupStores: reads the cluster through the ports, plans with the
 * pure {@link Planner}, executes the plan in order, and skips every step whose prerequisites
 * failed. Port exceptions never escape: classified failures are reported in the outcome, and an
 * unexpected runtime exception from a port counts as {@link PortFailure.Transient}.
 *
 * <p>Thread-safe, and safe to call from many worker threads at once, as operator frameworks do:
 *
 * <ul>
 *   <li>a per-store pass ({@link #reconcile(String, String)}) writes only that store's own objects
 *       (its finalizer, mirrored Secret, BSL and status); passes of different stores run at the
 *       same time, two passes of the same store never do, and a full pass ({@link #reconcile()})
 *       runs alone;
 *   <li>the default moves only through one writer at a time: after a pass, if the default may have
 *       to move, the writer reads the cluster again and executes just the {@link Action.SetDefault}
 *       steps of a fresh plan, every unset before the one set, the set only on an existing BSL of a
 *       store that has our finalizer. So no interleaving of passes makes two of our BSLs the
 *       default at once, and no BSL is ever created for a store without our finalizer.
 * </ul>
 *
 * <p>These guarantees hold within one reconciler; run one active controller per cluster (leader
 * election), as two reconcilers in two processes do not share their locks.
 *
 * <p>The parts: {@code ClusterReader} reads an observation, {@code PlanExecutor} executes a plan
 * through the ports ({@code PortCalls} classifies their exceptions), and a {@code LockScheduler}
 * ({@code Locks} in production) keeps the passes apart.
 */
public final class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
  private static final String ALL = "*";

  private final ReconcileOptions options;
  private final Clock clock;
  private final DoubleSupplier random;
  private final LockScheduler scheduler;
  private final ClusterReader reader;
  private final PlanExecutor executor;
  private final Map<String, Integer> consecutiveFailures = new ConcurrentHashMap<>();

  /**
   * A reconciler on the system clock with random jitter.
   *
   * @param ports the cluster
   * @param options the options
   */
  public Reconciler(ClusterPorts ports, ReconcileOptions options) {
    this(ports, options, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * A reconciler with a given clock and jitter source, for tests and simulations.
   *
   * @param ports the cluster
   * @param options the options
   * @param clock the clock for condition transition times
   * @param random uniform numbers in [0, 1) for backoff jitter
   */
  public Reconciler(
      ClusterPorts ports, ReconcileOptions options, Clock clock, DoubleSupplier random) {
    this(ports, options, clock, random, new Locks());
  }

  /** A reconciler whose passes are kept apart by the given lock scheduler (a test's scheduler). */
  Reconciler(
      ClusterPorts ports,
      ReconcileOptions options,
      Clock clock,
      DoubleSupplier random,
      LockScheduler scheduler) {
    Objects.requireNonNull(ports, "ports");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.reader = new ClusterReader(ports, options);
    this.executor = new PlanExecutor(ports, options.finalizer(), clock);
    String configured = options.translation().veleroNamespace();
    ports
        .veleroNamespace()
        .filter(ns -> !ns.equals(configured))
        .ifPresent(
            ns -> {
              throw new IllegalArgumentException(
                  "Velero's namespace is configured twice, differently: the ports work in \""
                      + ns
                      + "\", the reconcile options name \""
                      + configured
                      + "\"; derive both from one setting");
            });
  }

  /**
   * Velero's namespace, as this reconciler's options name it (the one setting the ports and a
   * controller must agree with).
   *
   * @return the namespace
   */
  public String veleroNamespace() {
    return options.translation().veleroNamespace();
  }

  /**
   * Reconciles every store: applies, deletes, collects orphans, writes statuses.
   *
   * @return what was done
   */
  public ReconcileOutcome reconcile() {
    return scheduler.fullPass(() -> run(ALL, Optional.empty()));
  }

  /**
   * Reconciles one store: writes only its own objects, then lets the default writer move the
   * default if that is due; orphan collection and other stores wait for their own passes. The plan
   * is still computed over all stores, because the default depends on all of them.
   *
   * @param namespace the store's namespace
   * @param name the store's name
   * @return what was done
   */
  public ReconcileOutcome reconcile(String namespace, String name) {
    StoreKey key = new StoreKey(namespace, name);
    return scheduler.storePass(key, () -> run(key.toString(), Optional.of(key)));
  }

  /**
   * Reads the cluster and plans, without writing anything: what {@link #reconcile()} would do.
   *
   * @return the plan
   * @throws PortException when the cluster cannot be read
   */
  public Plan plan() throws PortException {
    return Planner.plan(reader.observe(Focus.all()), options, clock.instant());
  }

  private ReconcileOutcome run(String scope, Optional<StoreKey> only) {
    ObservedState observed;
    try {
      observed = reader.observe(only.map(Focus::store).orElseGet(Focus::all));
    } catch (PortException e) {
      LOG.warn("reconcile {}: reading the cluster failed: {}", scope, e.failure().message());
      return new ReconcileOutcome(
          List.of(),
          List.of(),
          List.of(new ActionFailure(Optional.empty(), e.failure())),
          0,
          Optional.of(backoff(scope)));
    }
    Plan full = Planner.plan(observed, options, clock.instant());
    Plan plan = only.map(full::restrictTo).orElseGet(full::withoutDefaultMoves);
    PlanExecutor.Progress progress = new PlanExecutor.Progress();
    executor.execute(scope, plan, storesByKey(observed), progress);
    boolean typeMissing = progress.bslTypeMissing();
    if (typeMissing) {
      // A cache showed Velero's BSL type, the API server did not: plan again from what the server
      // said, so that the stores tell why they wait instead of staying silent.
      ObservedState without =
          new ObservedState(
              observed.stores(),
              List.of(),
              false,
              observed.mirrored(),
              observed.sources(),
              observed.occupants());
      Plan again = Planner.plan(without, options, clock.instant());
      executor.executeStatuses(scope, only.map(again::restrictTo).orElse(again), progress);
    } else if (full.movesDefault() || progress.writes > 0) {
      scheduler.defaultWriter(() -> moveDefault(scope, progress));
    }
    Optional<Duration> requeue;
    if (typeMissing && progress.onlyBslTypeMissing()) {
      // Not an error of ours: wait for Velero as a Pending store does, without backing off.
      consecutiveFailures.remove(scope);
      requeue = Optional.of(options.pendingRecheck());
    } else if (progress.failures.isEmpty()) {
      consecutiveFailures.remove(scope);
      requeue = plan.recheckAfter();
    } else {
      requeue = Optional.of(backoff(scope));
    }
    if (progress.writes > 0 || !progress.failures.isEmpty()) {
      LOG.info(
          "reconcile {}: {} done, {} failed, {} skipped",
          scope,
          progress.done.size(),
          progress.failures.size(),
          progress.skipped.size());
    }
    return new ReconcileOutcome(
        progress.done, progress.skipped, progress.failures, progress.writes, requeue);
  }

  /**
   * The default writer: reads the cluster again and executes the default moves of a fresh plan.
   * Runs under the scheduler's default lock, so two writers never interleave, and from a fresh
   * observation, so it never acts on what an earlier pass saw.
   */
  private Boolean moveDefault(String scope, PlanExecutor.Progress progress) {
    ObservedState fresh;
    try {
      fresh = reader.observe(Focus.defaults());
    } catch (PortException e) {
      LOG.warn(
          "reconcile {}: reading the cluster to move the default failed: {}",
          scope,
          e.failure().message());
      progress.failures.add(new ActionFailure(Optional.empty(), e.failure()));
      return Boolean.FALSE;
    }
    Plan moves = Planner.plan(fresh, options, clock.instant()).defaultMoves();
    executor.execute(scope, moves, storesByKey(fresh), progress);
    return Boolean.TRUE;
  }

  /** The observed stores by key, for the executor's failure statuses. */
  private static Map<StoreKey, BackupStore> storesByKey(ObservedState observed) {
    Map<StoreKey, BackupStore> out = new HashMap<>();
    for (BackupStore store : observed.stores()) {
      out.put(StoreKey.of(store), store);
    }
    return out;
  }

  /** The delay before retrying a pass that failed, growing with its consecutive failures. */
  private Duration backoff(String scope) {
    int attempt = consecutiveFailures.merge(scope, 1, (a, b) -> a == Integer.MAX_VALUE ? a : a + b);
    return options.backoff().delay(attempt, random.getAsDouble());
  }
}
