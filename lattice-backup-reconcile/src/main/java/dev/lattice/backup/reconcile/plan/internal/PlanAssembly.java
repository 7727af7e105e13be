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
package dev.lattice.backup.reconcile.plan.internal;

import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.Step;
import dev.lattice.backup.translate.StoreKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The planner's last step: the actions the other steps emit, collected in the groups they run in
 * (unset defaults, add finalizers, apply Secrets, apply BSLs, delete BSLs, delete Secrets, patch
 * statuses, remove finalizers, set the default), then assembled into a {@link Plan} whose steps
 * depend on the earlier steps of the same store, and whose one set of the default depends on every
 * unset. The groups of deletions and unsets are sorted by name, so that plans are deterministic;
 * the others keep the stores' key order in which they were emitted.
 */
final class PlanAssembly {
  private final List<Action> unsetDefaults = new ArrayList<>();
  private final List<Action> addFinalizers = new ArrayList<>();
  private final List<Action> applySecrets = new ArrayList<>();
  private final List<Action> applyBsls = new ArrayList<>();
  private final List<Action> deleteBsls = new ArrayList<>();
  private final List<Action> deleteSecrets = new ArrayList<>();
  private final List<Action> patchStatuses = new ArrayList<>();
  private final List<Action> removeFinalizers = new ArrayList<>();
  private final List<Action> setDefaults = new ArrayList<>();

  void unsetDefault(Action.SetDefault action) {
    unsetDefaults.add(action);
  }

  void addFinalizer(Action.AddFinalizer action) {
    addFinalizers.add(action);
  }

  void applySecret(Action.ApplySecret action) {
    applySecrets.add(action);
  }

  void applyBsl(Action.ApplyBsl action) {
    applyBsls.add(action);
  }

  void deleteBsl(Action.DeleteBsl action) {
    deleteBsls.add(action);
  }

  void deleteSecret(Action.DeleteSecret action) {
    deleteSecrets.add(action);
  }

  void patchStatus(Action.PatchStatus action) {
    patchStatuses.add(action);
  }

  void removeFinalizer(Action.RemoveFinalizer action) {
    removeFinalizers.add(action);
  }

  void setDefault(Action.SetDefault action) {
    setDefaults.add(action);
  }

  /**
   * The plan of the actions collected.
   *
   * @param statuses each live store's desired status
   * @param recheck when to look again though nothing changes
   */
  Plan assemble(SortedMap<StoreKey, BackupStoreStatus> statuses, Optional<Duration> recheck) {
    List<Step> steps = new ArrayList<>();
    List<Integer> unsetIndexes = new ArrayList<>();
    Map<StoreKey, List<Integer>> bySubject = new HashMap<>();
    List<List<Action>> groups =
        List.of(
            sorted(unsetDefaults),
            addFinalizers,
            applySecrets,
            applyBsls,
            sorted(deleteBsls),
            sorted(deleteSecrets),
            patchStatuses,
            removeFinalizers,
            setDefaults);
    for (int g = 0; g < groups.size(); g++) {
      for (Action action : groups.get(g)) {
        TreeSet<Integer> deps = new TreeSet<>();
        action.subject().ifPresent(s -> deps.addAll(bySubject.getOrDefault(s, List.of())));
        boolean movesDefault = action instanceof Action.SetDefault;
        if (action instanceof Action.SetDefault set && set.value()) {
          deps.addAll(unsetIndexes);
        }
        int index = steps.size();
        steps.add(new Step(action, new ArrayList<>(deps), movesDefault));
        if (g == 0) {
          unsetIndexes.add(index);
        }
        action
            .subject()
            .ifPresent(s -> bySubject.computeIfAbsent(s, k -> new ArrayList<>()).add(index));
      }
    }
    return new Plan(steps, statuses, recheck);
  }

  /**
   * By kind and name, so that plans are deterministic; stable, and each action's sort key is
   * computed once.
   */
  private static List<Action> sorted(List<Action> actions) {
    List<Keyed> keyed = new ArrayList<>(actions.size());
    for (Action action : actions) {
      keyed.add(new Keyed(sortKey(action), action));
    }
    keyed.sort(Comparator.comparing(Keyed::key));
    List<Action> copy = new ArrayList<>(keyed.size());
    for (Keyed k : keyed) {
      copy.add(k.action());
    }
    return copy;
  }

  /** An action and its sort key. */
  private record Keyed(String key, Action action) {}

  private static String sortKey(Action action) {
    if (action instanceof Action.SetDefault u) {
      return "0 " + u.bslName();
    } else if (action instanceof Action.DeleteBsl d) {
      return "2 " + d.bslName();
    } else if (action instanceof Action.DeleteSecret d) {
      return "3 " + d.secretName();
    }
    return "4 " + action;
  }
}
