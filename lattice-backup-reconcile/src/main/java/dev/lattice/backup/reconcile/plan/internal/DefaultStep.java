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

import static dev.lattice.backup.reconcile.plan.internal.WriteChecks.version;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.ConditionStatus;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.defaults.DefaultSelection;
import dev.lattice.backup.translate.defaults.NotDefault;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The default step: each store's verdict on being the default, and the moves of the default. The
 * default moves only through {@link Action.SetDefault} steps: every BSL that is the default and
 * should not be (ours, or foreign under the take-over policy) is unset, then the winner's existing
 * BSL is set, if the winner has our finalizer.
 */
final class DefaultStep {
  private final ObservedIndex index;
  private final String finalizer;
  private final PlanAssembly actions;
  private final DefaultSelection selection;

  /** {@code selection.whyNot(key)}, from a hash map of the same entries. */
  private final Map<StoreKey, NotDefault> notDefault;

  DefaultStep(
      ObservedIndex index, String finalizer, PlanAssembly actions, DefaultSelection selection) {
    this.index = index;
    this.finalizer = finalizer;
    this.actions = actions;
    this.selection = selection;
    this.notDefault = new HashMap<>(selection.notDefault());
  }

  /** Whether and why a live store is (not) the default; a blocked store that asks cannot be. */
  StatusRules.DefaultVerdict verdict(
      BackupStore store, StoreKey key, Optional<StatusRules.Blocker> blocker) {
    if (blocker.isPresent() && store.spec() != null && store.spec().isDefault()) {
      return new StatusRules.DefaultVerdict(
          ConditionStatus.FALSE,
          blocker.get().reason(),
          "a store whose BackupStorageLocation cannot be applied cannot be the default: "
              + blocker.get().message());
    }
    if (selection.isDefault(key)) {
      return new StatusRules.DefaultVerdict(
          ConditionStatus.TRUE, Conditions.REASON_DEFAULT, "this store is the cluster default");
    }
    Optional<NotDefault> why = Optional.ofNullable(notDefault.get(key));
    if (why.isPresent()) {
      return new StatusRules.DefaultVerdict(
          ConditionStatus.FALSE, why.get().reason().reason(), why.get().message());
    }
    return new StatusRules.DefaultVerdict(
        ConditionStatus.FALSE, Conditions.REASON_NOT_REQUESTED, "");
  }

  /**
   * Unsets every BSL that is the default and should not be (ours, or foreign under the take-over
   * policy), then sets the winner's existing BSL, if the winner has our finalizer.
   *
   * @param byKey the stores in key order
   * @param prepared their prepared objects, in the same order
   */
  void planMoves(StoresByKey byKey, @Nullable Prepared[] prepared) {
    Optional<String> winnerName = Optional.empty();
    Optional<StoreKey> winner = selection.winner();
    if (winner.isPresent()) {
      int at = byKey.firstIndex(winner.get());
      Prepared p = at < 0 ? null : prepared[at];
      if (p != null && p.blocker().isEmpty()) {
        winnerName = Optional.of(p.bsl().name());
      }
    }
    Set<String> unsetForeign = new TreeSet<>(selection.foreignDefaultsToUnset());
    for (ObservedBsl bsl : index.defaultBsls()) {
      ObservedIndex.Named<ObservedBsl> named = Objects.requireNonNull(index.bsl(bsl.name()));
      if (named.value() != bsl) {
        continue; // a later BSL of the same name hides it, as in a look-up by name
      }
      Optional<StoreKey> owner = named.owner();
      boolean keep =
          owner.isPresent()
              && owner.equals(winner)
              && winnerName.filter(bsl.name()::equals).isPresent();
      if (owner.isPresent() && !keep) {
        actions.unsetDefault(new Action.SetDefault(bsl.name(), owner, false, version(bsl)));
      } else if (owner.isEmpty() && unsetForeign.contains(bsl.name())) {
        actions.unsetDefault(
            new Action.SetDefault(bsl.name(), Optional.empty(), false, version(bsl)));
      }
    }
    if (winner.isEmpty() || winnerName.isEmpty()) {
      return;
    }
    ObservedIndex.Named<ObservedBsl> named = index.bsl(winnerName.get());
    BackupStore store = byKey.first(winner.get()).orElse(null);
    if (named == null
        || named.value().isDefault()
        || store == null
        || !Objects.requireNonNull(store.metadata()).finalizers().contains(finalizer)
        || !named.owner().equals(winner)) {
      return;
    }
    ObservedBsl existing = named.value();
    actions.setDefault(new Action.SetDefault(existing.name(), winner, true, version(existing)));
  }
}
