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

import com.fasterxml.jackson.annotation.JsonValue;

/** The status of a Kubernetes condition: {@code True}, {@code False} or {@code Unknown}. */
public enum ConditionStatus {
  /** The condition holds. */
  TRUE("True"),
  /** The condition does not hold. */
  FALSE("False"),
  /** Whether the condition holds is not known. */
  UNKNOWN("Unknown");

  private final String wireValue;

  ConditionStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The value as written in JSON and YAML.
   *
   * @return {@code True}, {@code False} or {@code Unknown}
   */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  /**
   * The status for a boolean.
   *
   * @param holds whether the condition holds
   * @return {@link #TRUE} or {@link #FALSE}
   */
  public static ConditionStatus of(boolean holds) {
    return holds ? TRUE : FALSE;
  }

  @Override
  public String toString() {
    return wireValue;
  }
}
