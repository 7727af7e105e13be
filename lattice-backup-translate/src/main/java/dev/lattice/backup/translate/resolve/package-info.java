/**
 * storeRef resolution: which ready store a backup's reference leads to.
 *
 * <p>Layer: translate. Pure functions over immutable values; depends on the model and the translate
 * root package only.
 */
@NullMarked
package dev.lattice.backup.translate.resolve;

import org.jspecify.annotations.NullMarked;
