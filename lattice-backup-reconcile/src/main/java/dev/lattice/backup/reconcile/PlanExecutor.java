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

import static dev.lattice.backup.reconcile.PortCalls.call;
import static dev.lattice.backup.reconcile.PortCalls.ignoreNotFound;
import static dev.lattice.backup.reconcile.PortCalls.ignoreNotFoundVoid;
import static dev.lattice.backup.reconcile.PortCalls.run;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.Step;
import dev.lattice.backup.reconcile.plan.internal.StatusRules;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.translate.StoreKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a plan's steps in order through the ports, skipping every step whose prerequisites
 * failed, writing each store at the resourceVersion its previous write returned; then writes {@code
 * Failed} statuses for the stores whose BSL or Secret could not be applied for good. Port
 * exceptions never escape: they are recorded in the {@link Progress}. Logs under the {@link
 * Reconciler}'s logger.
 */
final class PlanExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final ClusterPorts ports;
  private final String finalizer;
  private final Clock clock;

  PlanExecutor(ClusterPorts ports, String finalizer, Clock clock) {
    this.ports = ports;
    this.finalizer = finalizer;
    this.clock = clock;
  }

  /** What the steps of one reconcile have done so far; confined to the reconciling thread. */
  static final class Progress {
    final List<Action> done = new ArrayList<>();
    final List<Action> skipped = new ArrayList<>();
    final List<ActionFailure> failures = new ArrayList<>();

    /** Each store's resourceVersion after its latest write in this pass. */
    final Map<StoreKey, String> versions = new HashMap<>();

    int writes;

    /**
     * Whether a BSL write was refused because the API server does not know the BSL type (Velero's
     * CRD is gone although a cache still showed it).
     */
    boolean bslTypeMissing() {
      return failures.stream().anyMatch(Progress::typeMissing);
    }

    /** Whether every failure is a BSL write refused for a missing BSL type. */
    boolean onlyBslTypeMissing() {
      return failures.stream().allMatch(Progress::typeMissing);
    }

    private static boolean typeMissing(ActionFailure f) {
      return f.failure() instanceof PortFailure.ResourceTypeMissing
          && f.action().filter(PlanExecutor::isBslWrite).isPresent();
    }
  }

  /**
   * Executes a plan.
   *
   * @param scope the pass, for the log
   * @param plan the plan
   * @param observed the stores the plan was made from, by key
   * @param progress what was done, added to
   */
  void execute(String scope, Plan plan, Map<StoreKey, BackupStore> observed, Progress progress) {
    Map<StoreKey, String> versions = progress.versions;
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

  /**
   * Executes only the status patches of a plan, at the versions the pass has written so far: the
   * statuses of a plan made again after the pass found the BSL type missing.
   *
   * @param scope the pass, for the log
   * @param plan the plan
   * @param progress what was done, added to
   */
  void executeStatuses(String scope, Plan plan, Progress progress) {
    for (Step step : plan.steps()) {
      if (step.action() instanceof Action.PatchStatus patch) {
        progress.writes++;
        try {
          perform(patch, progress.versions);
          progress.done.add(patch);
          LOG.debug("reconcile {}: {}", scope, patch);
        } catch (PortException e) {
          progress.failures.add(new ActionFailure(Optional.of(patch), e.failure()));
          LOG.warn("reconcile {}: {} failed: {}", scope, patch, e.failure().message());
        }
      }
    }
  }

  private static boolean isBslWrite(Action action) {
    return action instanceof Action.ApplyBsl
        || action instanceof Action.DeleteBsl
        || action instanceof Action.SetDefault;
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
          call(action.toString(), () -> ports.stores().addFinalizer(add.store(), rv, finalizer)));
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
                          finalizer),
              action);
      rv.flatMap(v -> v).ifPresent(v -> versions.put(remove.store(), v));
    } else {
      throw new IllegalStateException("unknown action " + action);
    }
  }

  /** The resourceVersion to write a store at: its latest write's, else the one observed. */
  private static Optional<String> version(
      Map<StoreKey, String> versions, StoreKey store, Optional<String> observed) {
    String latest = versions.get(store);
    return latest != null ? Optional.of(latest) : observed;
  }
}
