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
 * The pure translation engine: BackupStore → Velero BackupStorageLocation ({@link
 * dev.lattice.backup.translate.Translator}), with its options and results.
 *
 * <p>Layer: translate. Depends on the model (records and validation, never its text I/O), Jackson
 * and fabric8's model types; never on I/O, clocks, logging or a Kubernetes client (checked by an
 * ArchUnit test).
 */
@NullMarked
package dev.lattice.backup.translate;

import org.jspecify.annotations.NullMarked;
