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
package dev.lattice.backup.translate.defaults;

/** Why a store that asked for {@code default: true} is not the default. */
public enum DefaultReason {
  /** Only stores in the platform namespace may be the cluster default. */
  NOT_ALLOWED_IN_NAMESPACE("NotAllowedInNamespace"),
  /** An older store (or, at equal age, an earlier name) is the default. */
  DEFAULT_CONFLICT("DefaultConflict"),
  /** A BSL this library does not manage is Velero's default, and the policy respects it. */
  FOREIGN_DEFAULT("ForeignDefault"),
  /** The store's spec is invalid. */
  INVALID_SPEC("InvalidSpec"),
  /** The store is being deleted. */
  BEING_DELETED("BeingDeleted");

  private final String reason;

  DefaultReason(String reason) {
    this.reason = reason;
  }

  /**
   * The CamelCase reason for a condition, such as {@code DefaultConflict}.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
