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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Lattice {@code BackupStore} ({@code lattice.dev/v1alpha1}, namespaced): where backups are
 * stored. It translates to one Velero BackupStorageLocation; one store may be the default.
 *
 * <p>Every field is deeply immutable. Required fields are plain references that may be null only in
 * a store that has not been validated (a reader keeps what the text says, so that validation can
 * report everything at once); optional fields are {@link Optional} and never null.
 *
 * @param apiVersion {@value #API_VERSION}; required
 * @param kind {@value #KIND}; required
 * @param metadata the object metadata; required
 * @param spec the desired state; required
 * @param status the observed state, written by the controller
 */
public record BackupStore(
    @NotNull(message = "Required value") @Satisfies(FieldRule.API_VERSION)
        @Nullable String apiVersion,
    @NotNull(message = "Required value") @Satisfies(FieldRule.KIND) @Nullable String kind,
    @NotNull(message = "Required value") @Valid @Nullable ObjectMetadata metadata,
    @NotNull(message = "Required value") @Valid @Nullable BackupStoreSpec spec,
    Optional<@Valid BackupStoreStatus> status) {

  /** The API group, {@value}. */
  public static final String GROUP = "lattice.dev";

  /** The API version within the group, {@value}. */
  public static final String VERSION = "v1alpha1";

  /** The full apiVersion, {@value}. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** The kind, {@value}. */
  public static final String KIND = "BackupStore";

  /** The plural resource name, {@value}. */
  public static final String PLURAL = "backupstores";

  /** The CRD name, {@value}. */
  public static final String CRD_NAME = PLURAL + "." + GROUP;

  /**
   * Normalises an absent status to {@link Optional#empty()}.
   *
   * @param apiVersion {@value #API_VERSION}; required
   * @param kind {@value #KIND}; required
   * @param metadata the object metadata; required
   * @param spec the desired state; required
   * @param status the observed state, written by the controller
   */
  public BackupStore {
    status = Objects.requireNonNullElse(status, Optional.empty());
  }

  /**
   * A store with the right apiVersion and kind and no status.
   *
   * @param metadata the metadata
   * @param spec the spec
   * @return the store
   */
  public static BackupStore of(ObjectMetadata metadata, BackupStoreSpec spec) {
    return new BackupStore(API_VERSION, KIND, metadata, spec, Optional.empty());
  }

  /**
   * A copy with other metadata.
   *
   * @param value the metadata
   * @return the copy
   */
  public BackupStore withMetadata(@Nullable ObjectMetadata value) {
    return new BackupStore(apiVersion, kind, value, spec, status);
  }

  /**
   * A copy with another spec.
   *
   * @param value the spec
   * @return the copy
   */
  public BackupStore withSpec(@Nullable BackupStoreSpec value) {
    return new BackupStore(apiVersion, kind, metadata, value, status);
  }

  /**
   * A copy with the status set, or cleared when {@code value} is null.
   *
   * @param value the status, or null
   * @return the copy
   */
  public BackupStore withStatus(@Nullable BackupStoreStatus value) {
    return new BackupStore(apiVersion, kind, metadata, spec, Optional.ofNullable(value));
  }
}
