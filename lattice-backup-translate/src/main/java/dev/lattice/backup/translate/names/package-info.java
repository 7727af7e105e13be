/**
 * BSL names: stable, collision-free and DNS-1123, derived from a store's namespace and name.
 *
 * <p>Layer: translate. Pure functions over immutable values; depends on the model and the translate
 * root package only.
 */
@NullMarked
package dev.lattice.backup.translate.names;

import org.jspecify.annotations.NullMarked;
