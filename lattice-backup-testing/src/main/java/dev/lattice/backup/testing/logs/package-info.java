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
 * A log capture for our own tests: an SLF4J provider that keeps, between a test's start and stop,
 * each line the library's own loggers write, so that the test can search them (for Secret data, or
 * for what a pass logs at a level).
 *
 * <p>A module's tests use it by naming {@link dev.lattice.backup.testing.logs.CapturedLogs} in
 * their own {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}; this module registers no
 * provider, so that a module with a logging backend of its own keeps it.
 *
 * <p>Layer: test support, not published. Also compiled into the tests of reconcile, which is built
 * before this module (the parent pom's "testing-sources").
 */
@NullMarked
package dev.lattice.backup.testing.logs;

import org.jspecify.annotations.NullMarked;
