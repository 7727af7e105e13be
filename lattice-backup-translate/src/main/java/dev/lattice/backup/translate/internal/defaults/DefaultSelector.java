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
package dev.lattice.backup.translate.internal.defaults;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.translate.ForeignDefaultPolicy;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.defaults.DefaultReason;
import dev.lattice.backup.translate.defaults.DefaultSelection;
import dev.lattice.backup.translate.defaults.ForeignBsl;
import dev.lattice.backup.translate.defaults.NotDefault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chooses the default store. Pure; the result does not depend on the order of the inputs.
 *
 * <p>Candidates ask for {@code default: true}, live in the platform namespace, are valid and are
 * not being deleted. The winner is the oldest candidate by {@code creationTimestamp} (a store
 * without one sorts after those with one), then by namespace, then by name: a newer store asking
 * for default never silently takes over. A foreign default BSL blocks every candidate under {@link
 * ForeignDefaultPolicy#RESPECT}; under {@link ForeignDefaultPolicy#TAKE_OVER} it is listed for
 * unsetting.
 */
public final class DefaultSelector {
  private static final Comparator<Candidate> AGE =
      Comparator.comparing((Candidate c) -> c.created().orElse(Instant.MAX))
          .thenComparing(Candidate::key);

  private record Candidate(StoreKey key, Optional<Instant> created) {
    /**
     * The record's equality, spelt out: a record's own {@code equals} is bootstrapped through
     * {@code ObjectMethods} on first use, tens of milliseconds of a short command line run.
     */
    boolean sameAs(Candidate other) {
      return key.compareTo(other.key) == 0 && created.equals(other.created);
    }
  }

  private DefaultSelector() {}

  /**
   * Selects the default.
   *
   * @param stores every store, in any order
   * @param foreign the BSLs in Velero's namespace that this library does not manage
   * @param options the platform namespace and foreign default policy
   * @param invalid the keys of stores that are invalid (or duplicated) and so cannot win
   * @return the selection
   */
  public static DefaultSelection select(
      List<BackupStore> stores,
      List<ForeignBsl> foreign,
      TranslationOptions options,
      Set<StoreKey> invalid) {
    TreeMap<StoreKey, NotDefault> notDefault = new TreeMap<>();
    List<Candidate> candidates = new ArrayList<>();
    for (BackupStore store : stores) {
      if (store.spec() == null || !store.spec().isDefault()) {
        continue;
      }
      StoreKey key = StoreKey.of(store);
      ObjectMetadata meta = store.metadata();
      if (invalid.contains(key) || meta == null) {
        notDefault.put(
            key,
            new NotDefault(
                DefaultReason.INVALID_SPEC,
                "the store's spec is invalid, so it cannot be the default"));
      } else if (meta.isBeingDeleted()) {
        notDefault.put(
            key, new NotDefault(DefaultReason.BEING_DELETED, "the store is being deleted"));
      } else if (!key.namespace().equals(options.platformNamespace())) {
        notDefault.put(
            key,
            new NotDefault(
                DefaultReason.NOT_ALLOWED_IN_NAMESPACE,
                "only stores in namespace "
                    + options.platformNamespace()
                    + " may be the cluster default"));
      } else {
        candidates.add(new Candidate(key, meta.creationTimestamp()));
      }
    }
    List<String> foreignDefaults =
        foreign.stream().filter(ForeignBsl::isDefault).map(ForeignBsl::name).sorted().toList();
    if (candidates.isEmpty()) {
      return new DefaultSelection(Optional.empty(), notDefault, List.of());
    }
    if (!foreignDefaults.isEmpty()
        && options.foreignDefaultPolicy() == ForeignDefaultPolicy.RESPECT) {
      String message =
          "BackupStorageLocation "
              + foreignDefaults.get(0)
              + " in "
              + options.veleroNamespace()
              + " is Velero's default and is not managed by lattice-backup";
      for (Candidate c : candidates) {
        notDefault.put(c.key(), new NotDefault(DefaultReason.FOREIGN_DEFAULT, message));
      }
      return new DefaultSelection(Optional.empty(), notDefault, List.of());
    }
    Candidate winner = candidates.stream().min(AGE).orElseThrow();
    for (Candidate c : candidates) {
      if (!c.sameAs(winner)) {
        notDefault.put(
            c.key(),
            new NotDefault(
                DefaultReason.DEFAULT_CONFLICT,
                "BackupStore " + winner.key() + " is already the default"));
      }
    }
    return new DefaultSelection(Optional.of(winner.key()), notDefault, foreignDefaults);
  }
}
