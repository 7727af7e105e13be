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
 * The BackupStore controller as a program ({@link dev.lattice.backup.controller.Main}): reads its
 * settings from flags and environment, connects in-cluster or through a kubeconfig, elects a leader
 * on a Lease, serves health probes and Prometheus metrics, and logs JSON lines.
 */
@NullMarked
package dev.lattice.backup.controller;

import org.jspecify.annotations.NullMarked;
