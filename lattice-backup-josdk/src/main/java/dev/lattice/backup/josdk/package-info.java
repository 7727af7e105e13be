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
 * lattice-backup for the Java Operator SDK: the typed {@link
 * dev.lattice.backup.josdk.BackupStoreResource} and {@link
 * dev.lattice.backup.josdk.LatticeBackupOperator#register}, which adds a controller that reconciles
 * BackupStores with lattice-backup from JOSDK's caches.
 *
 * <p>Layer: adapter, next to the fabric8 adapter; depends on it, the reconcile core and JOSDK.
 */
@NullMarked
package dev.lattice.backup.josdk;

import org.jspecify.annotations.NullMarked;
