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
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.plan.Step;
import dev.lattice.backup.reconcile.plan.internal.ObservedState;
import dev.lattice.backup.reconcile.plan.internal.Planner;
import dev.lattice.backup.reconcile.plan.internal.Reads;
import dev.lattice.backup.reconcile.plan.internal.SecretRef;
import dev.lattice.backup.reconcile.plan.internal.SourceSecret;
import dev.lattice.backup.reconcile.plan.internal.StatusRules;
import dev.lattice.backup.reconcile.port.BackupStorePort;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.translate.StoreKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
 */
public final class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
  private static final String ALL = "*";

  private final ClusterPorts ports;
  private final ReconcileOptions options;
  private final Clock clock;
  private final DoubleSupplier random;
  private final LockScheduler scheduler;
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
    this.ports = Objects.requireNonNull(ports, "ports");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
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
    return Planner.plan(observe(Focus.all()), options, clock.instant());
  }

  private ReconcileOutcome run(String scope, Optional<StoreKey> only) {
    ObservedState observed;
    try {
      observed = observe(only.map(Focus::store).orElseGet(Focus::all));
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
    Progress progress = new Progress();
    execute(scope, plan, storesByKey(observed), progress);
    if (full.movesDefault() || progress.writes > 0) {
      scheduler.defaultWriter(() -> moveDefault(scope, progress));
    }
    Optional<Duration> requeue;
    if (progress.failures.isEmpty()) {
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
  private Boolean moveDefault(String scope, Progress progress) {
    ObservedState fresh;
    try {
      fresh = observe(Focus.defaults());
    } catch (PortException e) {
      LOG.warn(
          "reconcile {}: reading the cluster to move the default failed: {}",
          scope,
          e.failure().message());
      progress.failures.add(new ActionFailure(Optional.empty(), e.failure()));
      return Boolean.FALSE;
    }
    Plan moves = Planner.plan(fresh, options, clock.instant()).defaultMoves();
    execute(scope, moves, storesByKey(fresh), progress);
    return Boolean.TRUE;
  }

  private static Map<StoreKey, BackupStore> storesByKey(ObservedState observed) {
    Map<StoreKey, BackupStore> out = new HashMap<>();
    for (BackupStore store : observed.stores()) {
      out.put(StoreKey.of(store), store);
    }
    return out;
  }

  /**
   * Reads what a plan for the focus needs: every BSL and mirrored Secret, the stores in focus, and
   * the credentials Secrets and the occupants of mirror names of those stores only. A per-store
   * pass so reads one store's credentials, not every store's.
   */
  private ObservedState observe(Focus focus) throws PortException {
    List<BackupStore> stores =
        focus.select(
            call("list BackupStores", () -> ports.stores().list(BackupStorePort.allNamespaces())));
    List<ObservedBsl> bsls;
    boolean bslTypeExists = true;
    try {
      bsls = call("list BackupStorageLocations", () -> ports.bsls().list());
    } catch (PortException e) {
      if (!(e.failure() instanceof PortFailure.ResourceTypeMissing)) {
        throw e;
      }
      bsls = List.of();
      bslTypeExists = false;
    }
    List<MirroredSecret> mirrored =
        call("list mirrored Secrets", () -> ports.secrets().listMirrored());
    Set<String> listed = new HashSet<>();
    mirrored.forEach(m -> listed.add(m.name()));
    List<ObjectMetadata> occupants = new ArrayList<>();
    for (String target : Reads.mirrorTargets(stores, options)) {
      if (!listed.contains(target)) {
        call("read Secret " + target, () -> ports.secrets().find(target)).ifPresent(occupants::add);
      }
    }
    TreeMap<SecretRef, SourceSecret> sources = new TreeMap<>();
    for (SecretRef ref : Reads.sourcesToRead(stores, options)) {
      try {
        Optional<SecretData> data =
            call("read Secret " + ref, () -> ports.secrets().read(ref.namespace(), ref.name()));
        sources.put(
            ref,
            data.<SourceSecret>map(SourceSecret.Present::new).orElse(new SourceSecret.Absent()));
      } catch (PortException e) {
        sources.put(ref, new SourceSecret.Unreadable(e.failure()));
      }
    }
    return new ObservedState(stores, bsls, bslTypeExists, mirrored, sources, occupants);
  }

  /** What the steps of one reconcile have done so far; confined to the reconciling thread. */
  private static final class Progress {
    final List<Action> done = new ArrayList<>();
    final List<Action> skipped = new ArrayList<>();
    final List<ActionFailure> failures = new ArrayList<>();
    int writes;
  }

  private void execute(
      String scope, Plan plan, Map<StoreKey, BackupStore> observed, Progress progress) {
    Map<StoreKey, String> versions = new HashMap<>();
    Map<StoreKey, PortFailure> permanent = new TreeMap<>();
    boolean[] broken = new boolean[plan.steps().size()];
    for (int i = 0; i < plan.steps().size(); i++) {
      Step step = plan.steps().get(i);
      Action action = step.action();
      if (step.dependsOn().stream().anyMatch(d -> broken[d])) {
        broken[i] = true;
        progress.skipped.add(action);
        LOG.debug("reconcile {}: skipped {}", scope, action);
        continue;
      }
      progress.writes++;
      try {
        perform(action, versions);
        progress.done.add(action);
        LOG.debug("reconcile {}: {}", scope, action);
      } catch (PortException e) {
        broken[i] = true;
        progress.failures.add(new ActionFailure(Optional.of(action), e.failure()));
        LOG.warn("reconcile {}: {} failed: {}", scope, action, e.failure().message());
        if (isApply(action)
            && !e.failure().isRetryable()
            && !(e.failure() instanceof PortFailure.ResourceTypeMissing)) {
          action.subject().ifPresent(s -> permanent.putIfAbsent(s, e.failure()));
        }
      }
    }
    progress.writes +=
        reportPermanentFailures(
            scope, plan, observed, permanent, versions, progress.done, progress.failures);
  }

  /**
   * Writes {@code Failed} statuses for stores whose BSL or Secret could not be applied for good.
   */
  private int reportPermanentFailures(
      String scope,
      Plan plan,
      Map<StoreKey, BackupStore> observed,
      Map<StoreKey, PortFailure> permanent,
      Map<StoreKey, String> versions,
      List<Action> done,
      List<ActionFailure> failures) {
    int writes = 0;
    for (Map.Entry<StoreKey, PortFailure> entry : permanent.entrySet()) {
      StoreKey key = entry.getKey();
      BackupStoreStatus planned = plan.statuses().get(key);
      BackupStore store = observed.get(key);
      if (planned == null || store == null) {
        continue;
      }
      BackupStoreStatus failed =
          StatusRules.afterFailure(planned, entry.getValue(), clock.instant());
      if (store.status().filter(failed::equals).isPresent()) {
        continue;
      }
      Action patch =
          new Action.PatchStatus(
              key,
              store.metadata() == null ? Optional.empty() : store.metadata().resourceVersion(),
              failed);
      writes++;
      try {
        perform(patch, versions);
        done.add(patch);
      } catch (PortException e) {
        failures.add(new ActionFailure(Optional.of(patch), e.failure()));
        LOG.warn("reconcile {}: {} failed: {}", scope, patch, e.failure().message());
      }
    }
    return writes;
  }

  private static boolean isApply(Action action) {
    return action instanceof Action.ApplyBsl || action instanceof Action.ApplySecret;
  }

  private void perform(Action action, Map<StoreKey, String> versions) throws PortException {
    if (action instanceof Action.SetDefault set) {
      ignoreNotFoundVoid(
          () -> ports.bsls().setDefault(set.bslName(), set.value(), set.resourceVersion()), action);
    } else if (action instanceof Action.AddFinalizer add) {
      Optional<String> rv = version(versions, add.store(), add.resourceVersion());
      versions.put(
          add.store(),
          call(
              action.toString(),
              () -> ports.stores().addFinalizer(add.store(), rv, options.finalizer())));
    } else if (action instanceof Action.ApplySecret apply) {
      run(
          action.toString(),
          () -> ports.secrets().applyMirrored(apply.secret(), apply.resourceVersion()));
    } else if (action instanceof Action.ApplyBsl apply) {
      run(action.toString(), () -> ports.bsls().apply(apply.bsl(), apply.resourceVersion()));
    } else if (action instanceof Action.DeleteBsl delete) {
      ignoreNotFoundVoid(
          () -> ports.bsls().delete(delete.bslName(), delete.resourceVersion()), action);
    } else if (action instanceof Action.DeleteSecret delete) {
      ignoreNotFoundVoid(
          () -> ports.secrets().deleteMirrored(delete.secretName(), delete.resourceVersion()),
          action);
    } else if (action instanceof Action.PatchStatus patch) {
      Optional<String> rv = version(versions, patch.store(), patch.resourceVersion());
      versions.put(
          patch.store(),
          call(
              action.toString(),
              () -> ports.stores().patchStatus(patch.store(), rv, patch.status())));
    } else if (action instanceof Action.RemoveFinalizer remove) {
      Optional<Optional<String>> rv =
          ignoreNotFound(
              () ->
                  ports
                      .stores()
                      .removeFinalizer(
                          remove.store(),
                          version(versions, remove.store(), remove.resourceVersion()),
                          options.finalizer()),
              action);
      rv.flatMap(v -> v).ifPresent(v -> versions.put(remove.store(), v));
    } else {
      throw new IllegalStateException("unknown action " + action);
    }
  }

  private static Optional<String> version(
      Map<StoreKey, String> versions, StoreKey store, Optional<String> observed) {
    String latest = versions.get(store);
    return latest != null ? Optional.of(latest) : observed;
  }

  private Duration backoff(String scope) {
    int attempt = consecutiveFailures.merge(scope, 1, (a, b) -> a == Integer.MAX_VALUE ? a : a + b);
    return options.backoff().delay(attempt, random.getAsDouble());
  }

  /** A port call. */
  @FunctionalInterface
  private interface PortCall<T> {
    T call() throws PortException;
  }

  /** A port call without a result. */
  @FunctionalInterface
  private interface PortRun {
    void run() throws PortException;
  }

  private static void run(String what, PortRun run) throws PortException {
    call(
        what,
        () -> {
          run.run();
          return Boolean.TRUE;
        });
  }

  private static void ignoreNotFoundVoid(PortRun run, Action action) throws PortException {
    ignoreNotFound(
        () -> {
          run.run();
          return Boolean.TRUE;
        },
        action);
  }

  /** Runs a port call; deletion-like calls treat "already gone" as done. */
  private static <T> Optional<T> ignoreNotFound(PortCall<T> call, Action action)
      throws PortException {
    try {
      return Optional.ofNullable(call(action.toString(), call));
    } catch (PortException e) {
      if (e.failure() instanceof PortFailure.NotFound) {
        LOG.debug("{}: already gone", action);
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Runs a port call, classifying any unexpected runtime exception as transient. */
  private static <T> T call(String what, PortCall<T> call) throws PortException {
    try {
      return call.call();
    } catch (PortException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.debug("{}: unclassified exception from a port", what, e);
      throw new PortException(
          new PortFailure.Transient(
              what + ": unexpected " + e.getClass().getSimpleName() + " from the port"),
          e);
    }
  }
}
