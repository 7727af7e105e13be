/**
 * The reconcile ports: the only door between the reconciler and a cluster. A host implements them
 * (the fabric8 adapter does, {@code InMemoryCluster} does for tests); every failure is one of the
 * classified {@link dev.lattice.backup.reconcile.port.PortFailure}s.
 *
 * <p>Layer: reconcile, port. Plain interfaces and immutable values; no client library types.
 */
@NullMarked
package dev.lattice.backup.reconcile.port;

import org.jspecify.annotations.NullMarked;
