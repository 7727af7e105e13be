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
package dev.lattice.backup.reconcile.plan.internal;

import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A translated store's desired BSL (not yet default), the BSL of that name if one exists, the
 * Secret to mirror, the mirrored Secret of that name if one exists, what blocks applying them,
 * whether the block is a name conflict, and whether the store's credentials were revoked (its
 * copies must go). Made by {@link DesiredObjects}.
 */
record Prepared(
    BackupStorageLocation bsl,
    @Nullable ObservedBsl existing,
    Optional<MirroredSecret> secret,
    @Nullable MirroredSecret existingSecret,
    Optional<StatusRules.Blocker> blocker,
    boolean conflict,
    boolean revoked) {}
