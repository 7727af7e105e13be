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
 * Internal: the machinery behind {@link dev.lattice.backup.model.io.BackupStoreCodec}, not part of
 * the API. The module does not export this package (only to the command line, which reads many
 * documents at once); its types may change in any release.
 *
 * <p>Two ways to read the same text give the same result. The fast one binds BackupStores straight
 * from the parser's events ({@code DirectBinder}, with a YAML factory that skips SnakeYAML's scalar
 * resolution for plain strings, {@code PlainScalarYamlFactory}), on two threads for a large text;
 * it gives up on anything unusual. The general one, the reference, builds a tree per document with
 * field locations ({@code TreeReader}), checks it against the schema ({@code SchemaCheck}) and
 * binds it with Jackson. {@code DirectBindingProperties} checks that they agree, stores and errors
 * alike, on generated input.
 */
@NullMarked
package dev.lattice.backup.model.io.internal;

import org.jspecify.annotations.NullMarked;
