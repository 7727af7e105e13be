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
 * Internal, not exported by the module: may change in any release. The port adapters themselves
 * (BackupStores, BSLs and mirrored Secrets over a fabric8 client), the classification of client
 * errors into port failures, ports over a cache, and what the controller runtime needs of them: the
 * conversions into the planner's records, the write notifications ({@link
 * dev.lattice.backup.fabric8.adapter.internal.Writes}) and the cache they read ({@link
 * dev.lattice.backup.fabric8.adapter.internal.CacheView}).
 *
 * <p>Layer: adapter, implementation. Depends on the reconcile ports, the model and the translation
 * value types, and the fabric8 client API; neither on the adapter's public package nor on the
 * controller runtime. No fabric8 exception leaves this package.
 */
@NullMarked
package dev.lattice.backup.fabric8.adapter.internal;

import org.jspecify.annotations.NullMarked;
