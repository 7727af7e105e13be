/**
 * The pure planner: from an observed cluster state to an ordered plan of actions and the statuses
 * every store should show. No I/O, no clock (time is an argument), no logging: the same observation
 * always gives the same plan.
 *
 * <p>Layer: reconcile, plan. Depends on the model, the translation engine and the port value types.
 */
@NullMarked
package dev.lattice.backup.reconcile.plan;

import org.jspecify.annotations.NullMarked;
