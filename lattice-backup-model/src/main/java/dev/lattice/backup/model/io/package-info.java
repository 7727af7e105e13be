/**
 * Reading and writing BackupStores as JSON and YAML, with source locations on every error and
 * explicit limits against hostile input.
 *
 * <p>Layer: model. Works on strings only (the caller does any file or network I/O); depends on the
 * model records, the validation value types and Jackson.
 */
@NullMarked
package dev.lattice.backup.model.io;

import org.jspecify.annotations.NullMarked;
