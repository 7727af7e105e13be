/**
 * The {@code lattice-backup} command: renders and validates BackupStore manifests offline.
 *
 * <p>Layer: tool, the imperative shell around the model and translate layers. All file and stream
 * I/O of the project's offline use happens here.
 */
@NullMarked
package dev.lattice.backup.cli;

import org.jspecify.annotations.NullMarked;
