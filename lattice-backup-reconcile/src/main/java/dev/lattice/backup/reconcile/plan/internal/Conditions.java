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
package dev.lattice.backup.reconcile.plan.internal;

/**
 * The condition types and reasons a BackupStore's status carries. Reasons are CamelCase, as
 * Kubernetes conventions ask; these strings are API (users read them in the status), these
 * constants are not: the planner's rules write them.
 */
public final class Conditions {
  /** True when the store is usable: Velero reports its BSL Available. */
  public static final String READY = "Ready";

  /** Whether the spec passed validation. */
  public static final String SPEC_VALID = "SpecValid";

  /** Velero's verdict on the store's BSL. */
  public static final String BSL_AVAILABLE = "BackupStorageLocationAvailable";

  /** Whether the store is the cluster's default. */
  public static final String DEFAULT = "Default";

  /** Reason: Velero reports the BSL Available. */
  public static final String REASON_AVAILABLE = "Available";

  /** Reason: Velero reports the BSL Unavailable. */
  public static final String REASON_UNAVAILABLE = "Unavailable";

  /** Reason: the spec is valid. */
  public static final String REASON_VALID = "Valid";

  /** Reason: the spec is invalid. */
  public static final String REASON_INVALID_SPEC = "InvalidSpec";

  /** Reason: the BSL resource type does not exist. */
  public static final String REASON_VELERO_NOT_INSTALLED = "VeleroNotInstalled";

  /** Reason: Velero has not validated the BSL yet. */
  public static final String REASON_VALIDATION_PENDING = "ValidationPending";

  /** Reason: no BSL exists for the store. */
  public static final String REASON_NOT_APPLIED = "NotApplied";

  /** Reason: the BSL's name is taken by a BSL this library does not manage. */
  public static final String REASON_NAME_CONFLICT = "NameConflict";

  /** Reason: the credentials Secret is missing, lacks the key, or cannot be read. */
  public static final String REASON_CREDENTIALS_UNAVAILABLE = "CredentialsUnavailable";

  /**
   * Reason: the credentials Secret's {@code ca.crt} is not a bundle of PEM certificates (or is too
   * large), so the store's location is left as it was.
   */
  public static final String REASON_INVALID_CA_BUNDLE = "InvalidCABundle";

  /** Reason: writing the BSL or its Secret failed permanently (for example, forbidden). */
  public static final String REASON_APPLY_FAILED = "ApplyFailed";

  /** Reason: the store is the cluster's default. */
  public static final String REASON_DEFAULT = "Default";

  /** Reason: the store did not ask to be the default. */
  public static final String REASON_NOT_REQUESTED = "NotRequested";

  private Conditions() {}
}
