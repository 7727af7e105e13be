/**
 * Default selection: which store is the cluster default, and why the others are not.
 *
 * <p>Layer: translate. Pure functions over immutable values; depends on the model and the translate
 * root package only.
 */
@NullMarked
package dev.lattice.backup.translate.defaults;

import org.jspecify.annotations.NullMarked;
