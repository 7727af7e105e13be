package dev.lattice.backup.reconcile.plan;

/**
 * The condition types and reasons a BackupStore's status carries. Reasons are CamelCase, as
 * Kubernetes conventions ask; these strings are API.
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

  /** Reason: writing the BSL or its Secret failed permanently (for example, forbidden). */
  public static final String REASON_APPLY_FAILED = "ApplyFailed";

  /** Reason: the store is the cluster's default. */
  public static final String REASON_DEFAULT = "Default";

  /** Reason: the store did not ask to be the default. */
  public static final String REASON_NOT_REQUESTED = "NotRequested";

  private Conditions() {}
}
