/**
 * The pure translation engine: BackupStore → Velero BackupStorageLocation ({@link
 * dev.lattice.backup.translate.Translator}), with its options and results.
 *
 * <p>Layer: translate. Depends on the model (records and validation, never its text I/O), Jackson
 * and fabric8's model types; never on I/O, clocks, logging or a Kubernetes client (checked by an
 * ArchUnit test).
 */
@NullMarked
package dev.lattice.backup.translate;

import org.jspecify.annotations.NullMarked;
