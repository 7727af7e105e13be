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
 * jqwik generators for our own tests: valid and broken {@code BackupStore}s, endpoints and Secrets.
 *
 * <p>Layer: test support, not published. Also compiled into the tests of model, translate and
 * reconcile, which are built before this module (the parent pom's "testing-sources").
 */
package dev.lattice.backup.testing.arbitraries;
