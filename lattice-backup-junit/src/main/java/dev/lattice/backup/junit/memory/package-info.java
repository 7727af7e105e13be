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
 * An in-memory cluster implementing every reconcile port, with resourceVersions, optimistic
 * concurrency, a Velero emulation and a fault injector: the embedded default for tests of the
 * library and of its embedders.
 *
 * <p>Layer: test kit, an adapter of the reconcile ports. Depends on the port package only (and the
 * model and translation value types it carries).
 */
@NullMarked
package dev.lattice.backup.junit.memory;

import org.jspecify.annotations.NullMarked;
