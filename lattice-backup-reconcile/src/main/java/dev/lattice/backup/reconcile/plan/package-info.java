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
 * The pure planner: from an observed cluster state to an ordered plan of actions and the statuses
 * every store should show. No I/O, no clock (time is an argument), no logging: the same observation
 * always gives the same plan.
 *
 * <p>Layer: reconcile, plan. Depends on the model, the translation engine and the port value types.
 */
@NullMarked
package dev.lattice.backup.reconcile.plan;

import org.jspecify.annotations.NullMarked;
