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
 * Internal, exported only to the reconciler and the command line: may change in any release.
 *
 * <p>Trust material beside the trust policy: the CA bundle a store's Secret may carry ({@code
 * TrustBundle}, judged and referenced by the reconciler, which reads Secrets) and the admission
 * policy that has the API server refuse what the trust policy refuses ({@code
 * TrustAdmissionPolicy}, written by the command line's {@code admission-policy}).
 *
 * <p>Layer: translate. Pure functions over immutable values; depends on the model and the translate
 * root package only.
 */
@NullMarked
package dev.lattice.backup.translate.internal.trust;

import org.jspecify.annotations.NullMarked;
