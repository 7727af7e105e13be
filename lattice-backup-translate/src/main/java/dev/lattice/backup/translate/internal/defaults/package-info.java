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
 * Internal, exported only to the reconciler: may change in any release.
 *
 * <p>The default selection's rules ({@code DefaultSelector}), behind {@code
 * Translator.selectDefault} and the planner; their result is a {@link
 * dev.lattice.backup.translate.defaults.DefaultSelection}.
 *
 * <p>Layer: translate. Pure functions over immutable values; depends on the model, the translate
 * root package and its {@code defaults} package only.
 */
@NullMarked
package dev.lattice.backup.translate.internal.defaults;

import org.jspecify.annotations.NullMarked;
