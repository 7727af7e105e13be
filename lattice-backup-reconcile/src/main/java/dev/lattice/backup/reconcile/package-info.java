/**
 * The imperative shell: {@link dev.lattice.backup.reconcile.Reconciler} reads the cluster through
 * the {@link dev.lattice.backup.reconcile.port ports}, plans with the pure {@link
 * dev.lattice.backup.reconcile.plan.Planner}, and executes the plan in order.
 *
 * <p>Layer: reconcile, shell. The only package of the library that performs I/O (through ports),
 * reads a clock and logs (SLF4J API only).
 */
@NullMarked
package dev.lattice.backup.reconcile;

import org.jspecify.annotations.NullMarked;
