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
 * The controller runtime, for hosts without an operator framework: {@link
 * dev.lattice.backup.fabric8.runtime.BackupStoreController} reads the cluster from informer caches,
 * queues the key of every store a change concerns, and reconciles each on a bounded pool of
 * workers, optionally only while it holds a Lease ({@link
 * dev.lattice.backup.fabric8.runtime.LeaderElection}); {@link
 * dev.lattice.backup.fabric8.runtime.ControllerListener} hears of its passes.
 *
 * <p>Layer: runtime, above the adapter. Depends on the reconciler, the fabric8 adapter (public and
 * internal packages) and the fabric8 client API; the adapter never depends on it.
 */
@NullMarked
package dev.lattice.backup.fabric8.runtime;

import org.jspecify.annotations.NullMarked;
