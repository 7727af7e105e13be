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
 * Shortcuts for the lattice-backup modules' tests on the real control plane ({@link
 * dev.lattice.backup.junit.ControlPlane}): {@link dev.lattice.backup.testing.cluster.TestCluster}
 * for stores, Secrets, BSLs, Velero's status marks and waiting, {@link
 * dev.lattice.backup.testing.cluster.TenantSecrets} for a tenant's credentials and the controller's
 * right to read them, {@link dev.lattice.backup.testing.cluster.RequestCounts} for the controller's
 * requests counted from the audit log.
 *
 * <p>Layer: test support, not published.
 */
@NullMarked
package dev.lattice.backup.testing.cluster;

import org.jspecify.annotations.NullMarked;
