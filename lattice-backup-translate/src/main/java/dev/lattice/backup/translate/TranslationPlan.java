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
package dev.lattice.backup.translate;

import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.defaults.DefaultSelection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every store's translation and the default selection over all of them; the winner's BSL, and only
 * it, has {@code default: true}. No two translated stores share a BSL name.
 *
 * @param results each store's result, sorted by namespace and name
 * @param selection the default selection
 * @param nameConflicts the stores rejected because an older store's BSL has the same name, each
 *     with that older store
 */
public record TranslationPlan(
    SortedMap<StoreKey, TranslationResult> results,
    DefaultSelection selection,
    SortedMap<StoreKey, StoreKey> nameConflicts) {

  /**
   * Copies the results.
   *
   * @param results each store's result
   * @param selection the default selection
   * @param nameConflicts the stores refused for a BSL name another store holds
   */
  public TranslationPlan {
    // A run from translateAll is sorted and never changed after it is made: kept, not copied into
    // a tree (a linear copy, but one more node per store, and a walk over it chases pointers).
    results =
        results instanceof SortedRun<StoreKey, TranslationResult> run
            ? Collections.unmodifiableSortedMap(run)
            : Collections.unmodifiableSortedMap(new TreeMap<>(results));
    Objects.requireNonNull(selection, "selection");
    nameConflicts = Collections.unmodifiableSortedMap(new TreeMap<>(nameConflicts));
  }

  /**
   * A plan without name conflicts.
   *
   * @param results each store's result
   * @param selection the default selection
   */
  public TranslationPlan(
      SortedMap<StoreKey, TranslationResult> results, DefaultSelection selection) {
    this(results, selection, new TreeMap<>());
  }

  /**
   * The translated locations, sorted by BSL name.
   *
   * @return the locations
   */
  public List<BackupStorageLocation> locations() {
    return results.values().stream()
        .filter(TranslationResult.Translated.class::isInstance)
        .map(r -> ((TranslationResult.Translated) r).bsl())
        .sorted(Comparator.comparing(BackupStorageLocation::name))
        .toList();
  }

  /**
   * The rejected stores' results.
   *
   * @return the rejections, sorted by store
   */
  public SortedMap<StoreKey, TranslationResult.Rejected> rejections() {
    TreeMap<StoreKey, TranslationResult.Rejected> out = new TreeMap<>();
    results.forEach(
        (k, r) -> {
          if (r instanceof TranslationResult.Rejected rejected) {
            out.put(k, rejected);
          }
        });
    return Collections.unmodifiableSortedMap(out);
  }
}
