package dev.lattice.backup.model;

import dev.lattice.backup.model.validation.FieldRule;
import dev.lattice.backup.model.validation.Satisfies;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Google Cloud Storage ({@code spec.storage.gcs}).
 *
 * @param bucket the GCS bucket name; required (null only in an unvalidated store)
 */
public record GcsStorageConfig(
    @NotNull(message = "Required value") @Satisfies(FieldRule.GCS_BUCKET) @Nullable String bucket) {

  /**
   * A configuration naming the bucket.
   *
   * @param bucket the bucket name
   * @return the configuration
   */
  public static GcsStorageConfig of(@Nullable String bucket) {
    return new GcsStorageConfig(bucket);
  }
}
