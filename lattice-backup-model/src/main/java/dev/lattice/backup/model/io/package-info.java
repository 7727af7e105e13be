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
 * Reading and writing BackupStores as JSON and YAML, with source locations on every error and
 * explicit limits against hostile input.
 *
 * <p>Layer: model. Works on strings only (the caller does any file or network I/O); depends on the
 * model records, the validation value types and Jackson.
 */
@NullMarked
package dev.lattice.backup.model.io;

import org.jspecify.annotations.NullMarked;
