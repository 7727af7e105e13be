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
 * The reconcile ports: the only door between the reconciler and a cluster. A host implements them
 * (the fabric8 adapter does, {@code InMemoryCluster} does for tests); every failure is one of the
 * classified {@link dev.lattice.backup.reconcile.port.PortFailure}s.
 *
 * <p>Layer: reconcile, port. Plain interfaces and immutable values; no client library types.
 */
@NullMarked
package dev.lattice.backup.reconcile.port;

import org.jspecify.annotations.NullMarked;
