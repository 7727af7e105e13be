/*
 * Copyright 2026 The lattice-backup authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
