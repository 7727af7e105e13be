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

import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The observed state of a BackupStore ({@code status}), written by the controller.
 *
 * @param phase the lifecycle phase; {@link BackupStorePhase#PENDING} when absent
 * @param veleroBslName the name of the Velero BackupStorageLocation behind the store
 * @param conditions the standard Kubernetes conditions, in the order written; never null
 * @param message a human-readable status message
 * @param observedGeneration the last {@code metadata.generation} the controller processed
 */
public record BackupStoreStatus(
    BackupStorePhase phase,
    Optional<String> veleroBslName,
    List<@Valid Condition> conditions,
    Optional<String> message,
    Optional<Long> observedGeneration) {

  /**
   * Normalises absent values and copies the conditions into an unmodifiable list.
   *
   * @param phase the lifecycle phase; {@link BackupStorePhase#PENDING} when absent
   * @param veleroBslName the name of the Velero BackupStorageLocation behind the store
   * @param conditions the standard Kubernetes conditions, in the order written; never null
   * @param message a human-readable status message
   * @param observedGeneration the last {@code metadata.generation} the controller processed
   */
  public BackupStoreStatus {
    phase = Objects.requireNonNullElse(phase, BackupStorePhase.PENDING);
    veleroBslName = Objects.requireNonNullElse(veleroBslName, Optional.empty());
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    message = Objects.requireNonNullElse(message, Optional.empty());
    observedGeneration = Objects.requireNonNullElse(observedGeneration, Optional.empty());
  }

  /**
   * A status in the given phase and nothing else.
   *
   * @param phase the phase
   * @return the status
   */
  public static BackupStoreStatus of(BackupStorePhase phase) {
    return new BackupStoreStatus(
        phase, Optional.empty(), List.of(), Optional.empty(), Optional.empty());
  }

  /**
   * The condition of the given type, if the status has one.
   *
   * @param type the condition type, such as {@code Ready}
   * @return the first condition of that type
   */
  public Optional<Condition> condition(String type) {
    for (Condition c : conditions) {
      if (type.equals(c.type())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * A copy in another phase.
   *
   * @param value the phase
   * @return the copy
   */
  public BackupStoreStatus withPhase(BackupStorePhase value) {
    return new BackupStoreStatus(value, veleroBslName, conditions, message, observedGeneration);
  }

  /**
   * A copy with the BSL name set, or cleared when {@code value} is null.
   *
   * @param value the BSL name, or null
   * @return the copy
   */
  public BackupStoreStatus withVeleroBslName(@Nullable String value) {
    return new BackupStoreStatus(
        phase, Optional.ofNullable(value), conditions, message, observedGeneration);
  }

  /**
   * A copy with other conditions.
   *
   * @param value the conditions
   * @return the copy
   */
  public BackupStoreStatus withConditions(List<Condition> value) {
    return new BackupStoreStatus(phase, veleroBslName, value, message, observedGeneration);
  }

  /**
   * A copy with the message set, or cleared when {@code value} is null.
   *
   * @param value the message, or null
   * @return the copy
   */
  public BackupStoreStatus withMessage(@Nullable String value) {
    return new BackupStoreStatus(
        phase, veleroBslName, conditions, Optional.ofNullable(value), observedGeneration);
  }

  /**
   * A copy with the observed generation set, or cleared when {@code value} is null.
   *
   * @param value the generation, or null
   * @return the copy
   */
  public BackupStoreStatus withObservedGeneration(@Nullable Long value) {
    return new BackupStoreStatus(
        phase, veleroBslName, conditions, message, Optional.ofNullable(value));
  }
}
