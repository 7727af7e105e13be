/**
 * An in-memory cluster implementing every reconcile port, with resourceVersions, optimistic
 * concurrency, a Velero emulation and a fault injector: the embedded default for tests of the
 * library and of its embedders.
 *
 * <p>Layer: reconcile, adapter. Depends on the port package only (and the model and translation
 * value types it carries).
 */
@NullMarked
package dev.lattice.backup.reconcile.memory;

import org.jspecify.annotations.NullMarked;
