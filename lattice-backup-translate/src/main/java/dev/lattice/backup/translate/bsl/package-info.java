/**
 * The Velero BackupStorageLocation as this library desires it, and its JSON/YAML/fabric8 forms.
 *
 * <p>Layer: translate. Pure functions over immutable values; depends on the model and the translate
 * root package only.
 */
@NullMarked
package dev.lattice.backup.translate.bsl;

import org.jspecify.annotations.NullMarked;
