/**
 * A real Kubernetes control plane for JUnit 5 tests: kube-apiserver and etcd built from their
 * upstream Go modules, one per test JVM, with Velero's CRDs, lattice-backup's CRD and the
 * controller's RBAC installed, and fabric8 clients for an admin and for the controller's
 * ServiceAccount.
 *
 * <p>Layer: test support. Start with {@link dev.lattice.backup.junit.ControlPlaneTest}.
 */
@NullMarked
package dev.lattice.backup.junit;

import org.jspecify.annotations.NullMarked;
