package dev.lattice.backup.translate;

/** What to do when a BSL this library does not manage is already Velero's default. */
public enum ForeignDefaultPolicy {
  /** Leave it the default; no store of ours becomes default (reason {@code ForeignDefault}). */
  RESPECT,
  /** Make our winner the default and report which foreign BSLs must have {@code default} unset. */
  TAKE_OVER
}
