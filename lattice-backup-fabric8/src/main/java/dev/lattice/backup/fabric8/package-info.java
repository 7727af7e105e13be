/**
 * The fabric8 adapter: every reconcile port implemented over a fabric8 {@code KubernetesClient},
 * and an informer-driven controller loop for hosts without an operator framework.
 *
 * <p>Layer: adapter. Depends on the reconcile ports, the model and the translation value types, and
 * the fabric8 client API; no fabric8 exception leaves this package.
 */
@NullMarked
package dev.lattice.backup.fabric8;

import org.jspecify.annotations.NullMarked;
