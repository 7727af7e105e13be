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

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An immutable Kubernetes condition ({@code metav1.Condition}), convertible to and from fabric8's
 * mutable {@link io.fabric8.kubernetes.api.model.Condition}.
 *
 * @param type the condition type in CamelCase, such as {@code Ready}; required
 * @param status whether the condition holds; required
 * @param reason a CamelCase machine-readable reason for the last transition; required
 * @param message a human-readable message; empty when there is nothing to say, never null
 * @param lastTransitionTime when the status last changed; required
 * @param observedGeneration the {@code metadata.generation} the condition was computed from
 */
public record Condition(
    @NotNull(message = "Required value") @Nullable String type,
    @NotNull(message = "Required value") @Nullable ConditionStatus status,
    @NotNull(message = "Required value") @Nullable String reason,
    String message,
    @NotNull(message = "Required value") @Nullable Instant lastTransitionTime,
    Optional<Long> observedGeneration) {

  /**
   * Normalises an absent message to the empty string and an absent generation to empty.
   *
   * @param type the condition type in CamelCase, such as {@code Ready}; required
   * @param status whether the condition holds; required
   * @param reason a CamelCase machine-readable reason for the last transition; required
   * @param message a human-readable message; empty when there is nothing to say, never null
   * @param lastTransitionTime when the status last changed; required
   * @param observedGeneration the {@code metadata.generation} the condition was computed from
   */
  public Condition {
    message = Objects.requireNonNullElse(message, "");
    observedGeneration = Objects.requireNonNullElse(observedGeneration, Optional.empty());
  }

  /**
   * A copy with another status and the transition time it changed at.
   *
   * @param value the new status
   * @param at when it changed
   * @return the copy
   */
  public Condition withStatus(ConditionStatus value, Instant at) {
    return new Condition(type, value, reason, message, at, observedGeneration);
  }

  /**
   * Converts from fabric8's condition. Timestamps must be RFC 3339, as the API server writes them.
   *
   * @param condition the fabric8 condition
   * @return the immutable condition
   * @throws IllegalArgumentException when the status or a timestamp cannot be read
   */
  public static Condition fromFabric8(io.fabric8.kubernetes.api.model.Condition condition) {
    return new Condition(
        condition.getType(),
        condition.getStatus() == null ? null : statusOf(condition.getStatus()),
        condition.getReason(),
        condition.getMessage(),
        condition.getLastTransitionTime() == null
            ? null
            : parseTime(condition.getLastTransitionTime()),
        Optional.ofNullable(condition.getObservedGeneration()));
  }

  /**
   * Converts to a new fabric8 condition that the caller may change freely.
   *
   * @return the fabric8 condition
   */
  public io.fabric8.kubernetes.api.model.Condition toFabric8() {
    var out = new io.fabric8.kubernetes.api.model.Condition();
    out.setType(type);
    out.setStatus(status == null ? null : status.wireValue());
    out.setReason(reason);
    out.setMessage(message);
    out.setLastTransitionTime(lastTransitionTime == null ? null : lastTransitionTime.toString());
    out.setObservedGeneration(observedGeneration.orElse(null));
    return out;
  }

  private static ConditionStatus statusOf(String wire) {
    for (ConditionStatus s : ConditionStatus.values()) {
      if (s.wireValue().equals(wire)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "condition status must be True, False or Unknown, not \"" + wire + "\"");
  }

  /** Reads an RFC 3339 timestamp, with {@code Z} or a numeric offset. */
  static Instant parseTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("not an RFC 3339 timestamp: \"" + text + "\"", e);
    }
  }
}
