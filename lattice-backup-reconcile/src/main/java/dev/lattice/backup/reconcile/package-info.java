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
 * The imperative shell: {@link dev.lattice.backup.reconcile.Reconciler} reads the cluster through
 * the {@link dev.lattice.backup.reconcile.port ports}, plans with the pure {@link
 * dev.lattice.backup.reconcile.plan.internal.Planner}, and executes the plan in order.
 *
 * <p>Layer: reconcile, shell. The only package of the library that performs I/O (through ports),
 * reads a clock and logs (SLF4J API only).
 */
@NullMarked
package dev.lattice.backup.reconcile;

import org.jspecify.annotations.NullMarked;
