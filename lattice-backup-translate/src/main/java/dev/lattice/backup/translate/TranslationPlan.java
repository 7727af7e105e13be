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
 * it, has {@code default: true}.
 *
 * @param results each store's result, sorted by namespace and name
 * @param selection the default selection
 */
public record TranslationPlan(
    SortedMap<StoreKey, TranslationResult> results, DefaultSelection selection) {

  /**
   * Copies the results.
   *
   * @param results each store's result
   * @param selection the default selection
   */
  public TranslationPlan {
    results = Collections.unmodifiableSortedMap(new TreeMap<>(results));
    Objects.requireNonNull(selection, "selection");
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
