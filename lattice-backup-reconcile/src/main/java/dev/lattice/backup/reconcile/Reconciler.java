package dev.lattice.backup.reconcile;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.plan.ObservedState;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.Planner;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.plan.SecretRef;
import dev.lattice.backup.reconcile.plan.SourceSecret;
import dev.lattice.backup.reconcile.plan.StatusRules;
import dev.lattice.backup.reconcile.plan.Step;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * <p>Thread-safe: passes share no mutable state except the failure counts used for backoff.
 * Concurrent passes over the same store resolve through resourceVersion conflicts and a retry.
 */
public final class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
  private static final String ALL = "*";

  private final ClusterPorts ports;
  private final ReconcileOptions options;
  private final Clock clock;
  private final DoubleSupplier random;
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
    this.ports = Objects.requireNonNull(ports, "ports");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Reconciles every store: applies, deletes, collects orphans, writes statuses.
   *
   * @return what was done
   */
  public ReconcileOutcome reconcile() {
    return run(ALL, Optional.empty());
  }

  /**
   * Reconciles one store, and any default move its change causes; orphan collection and other
   * stores wait for a full pass. The plan is still computed over all stores, because the default
   * depends on all of them.
   *
   * @param namespace the store's namespace
   * @param name the store's name
   * @return what was done
   */
  public ReconcileOutcome reconcile(String namespace, String name) {
    StoreKey key = new StoreKey(namespace, name);
    return run(key.toString(), Optional.of(key));
  }

  /**
   * Reads the cluster and plans, without writing anything: what {@link #reconcile()} would do.
   *
   * @return the plan
   * @throws PortException when the cluster cannot be read
   */
  public Plan plan() throws PortException {
    return Planner.plan(observe(), options, clock.instant());
  }

  private ReconcileOutcome run(String scope, Optional<StoreKey> only) {
    ObservedState observed;
    try {
      observed = observe();
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
    Plan plan = only.map(full::restrictTo).orElse(full);
    Map<StoreKey, BackupStore> storesByKey = new HashMap<>();
    for (BackupStore store : observed.stores()) {
      storesByKey.put(StoreKey.of(store), store);
    }
    return execute(scope, plan, storesByKey);
  }

  private ObservedState observe() throws PortException {
    List<BackupStore> stores =
        call("list BackupStores", () -> ports.stores().list(BackupStorePort.allNamespaces()));
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
    TreeMap<SecretRef, SourceSecret> sources = new TreeMap<>();
    for (SecretRef ref : Planner.sourcesToRead(stores, options)) {
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
    return new ObservedState(stores, bsls, bslTypeExists, mirrored, sources);
  }

  private ReconcileOutcome execute(String scope, Plan plan, Map<StoreKey, BackupStore> observed) {
    List<Action> done = new ArrayList<>();
    List<Action> skipped = new ArrayList<>();
    List<ActionFailure> failures = new ArrayList<>();
    Map<StoreKey, String> versions = new HashMap<>();
    Map<StoreKey, PortFailure> permanent = new TreeMap<>();
    boolean[] broken = new boolean[plan.steps().size()];
    int writes = 0;
    for (int i = 0; i < plan.steps().size(); i++) {
      Step step = plan.steps().get(i);
      Action action = step.action();
      if (step.dependsOn().stream().anyMatch(d -> broken[d])) {
        broken[i] = true;
        skipped.add(action);
        LOG.debug("reconcile {}: skipped {}", scope, action);
        continue;
      }
      writes++;
      try {
        perform(action, versions);
        done.add(action);
        LOG.debug("reconcile {}: {}", scope, action);
      } catch (PortException e) {
        broken[i] = true;
        failures.add(new ActionFailure(Optional.of(action), e.failure()));
        LOG.warn("reconcile {}: {} failed: {}", scope, action, e.failure().message());
        if (isApply(action)
            && !e.failure().isRetryable()
            && !(e.failure() instanceof PortFailure.ResourceTypeMissing)) {
          action.subject().ifPresent(s -> permanent.putIfAbsent(s, e.failure()));
        }
      }
    }
    writes += reportPermanentFailures(scope, plan, observed, permanent, versions, done, failures);
    Optional<Duration> requeue;
    if (failures.isEmpty()) {
      consecutiveFailures.remove(scope);
      requeue = plan.recheckAfter();
    } else {
      requeue = Optional.of(backoff(scope));
    }
    if (writes > 0 || !failures.isEmpty()) {
      LOG.info(
          "reconcile {}: {} done, {} failed, {} skipped",
          scope,
          done.size(),
          failures.size(),
          skipped.size());
    }
    return new ReconcileOutcome(done, skipped, failures, writes, requeue);
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
    if (action instanceof Action.UnsetDefault unset) {
      ignoreNotFoundVoid(() -> ports.bsls().setDefault(unset.bslName(), false), action);
    } else if (action instanceof Action.AddFinalizer add) {
      Optional<String> rv = version(versions, add.store(), add.resourceVersion());
      versions.put(
          add.store(),
          call(
              action.toString(),
              () -> ports.stores().addFinalizer(add.store(), rv, options.finalizer())));
    } else if (action instanceof Action.ApplySecret apply) {
      run(action.toString(), () -> ports.secrets().applyMirrored(apply.secret()));
    } else if (action instanceof Action.ApplyBsl apply) {
      run(action.toString(), () -> ports.bsls().apply(apply.bsl()));
    } else if (action instanceof Action.DeleteBsl delete) {
      ignoreNotFoundVoid(() -> ports.bsls().delete(delete.bslName()), action);
    } else if (action instanceof Action.DeleteSecret delete) {
      ignoreNotFoundVoid(() -> ports.secrets().deleteMirrored(delete.secretName()), action);
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
