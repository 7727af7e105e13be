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
 * Internal, not exported by the module: may change in any release. The planner (observed state in,
 * plan out), the state it reads, and the status rules; {@link
 * dev.lattice.backup.reconcile.Reconciler} is the API that runs them, and {@link
 * dev.lattice.backup.reconcile.Reconciler#plan()} shows a plan without executing it.
 */
@NullMarked
package dev.lattice.backup.reconcile.plan.internal;

import org.jspecify.annotations.NullMarked;
