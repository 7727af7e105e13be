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
 * The fabric8 adapter: every reconcile port implemented over a fabric8 {@code KubernetesClient}
 * ({@link dev.lattice.backup.fabric8.adapter.Fabric8Ports}), optionally reading its lists from the
 * host's caches ({@link dev.lattice.backup.fabric8.adapter.CachedReads}), and the resource types
 * and field managers it writes with ({@link dev.lattice.backup.fabric8.adapter.Resources}).
 *
 * <p>Layer: adapter. Depends on the reconcile ports, the model and the translation value types, the
 * fabric8 client API and its own implementation ({@code adapter.internal}); never on the controller
 * runtime ({@code dev.lattice.backup.fabric8.runtime}), which sits above it. No fabric8 exception
 * leaves this package.
 */
@NullMarked
package dev.lattice.backup.fabric8.adapter;

import org.jspecify.annotations.NullMarked;
