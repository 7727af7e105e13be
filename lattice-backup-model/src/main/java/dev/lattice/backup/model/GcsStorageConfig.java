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
package dev.lattice.backup.model;

import dev.lattice.backup.model.validation.internal.FieldRule;
import dev.lattice.backup.model.validation.internal.Satisfies;
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

  /** The bucket, shown only when its rule accepts it (a refused value may be a credential). */
  @Override
  public String toString() {
    return "GcsStorageConfig[bucket=" + Shown.value(FieldRule.GCS_BUCKET, bucket) + "]";
  }
}
