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
