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
 * Internal: the machinery behind {@link dev.lattice.backup.model.validation.BackupStoreValidator}
 * and the records' constraints, not part of the API. The module exports this package only to the
 * translation engine (which judges endpoints with {@code Endpoint}, {@code Host} and {@code
 * IpRange}) and opens it, so that any Bean Validation provider can instantiate the constraint
 * validators; its types may change in any release.
 *
 * <p>The endpoint parser ({@code Endpoint}, {@code Host}, {@code Addresses}) reads the text of an
 * endpoint and never resolves it; {@code SpecialUse} names the hosts no store may point at, {@code
 * IpRange} the CIDR blocks of the trust policy. {@code SatisfiesValidator} and {@code
 * ConsistentStorageValidator} apply the same rules as {@code BackupStoreValidator} for a provider,
 * {@code PlainMessageInterpolator} fills in their messages without Expression Language.
 */
@NullMarked
package dev.lattice.backup.model.validation.internal;

import org.jspecify.annotations.NullMarked;
