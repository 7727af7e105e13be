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
 * The BackupStore resource ({@code lattice.dev/v1alpha1}) as immutable records: spec, status,
 * metadata and conditions, with Jackson mapping and Bean Validation constraints.
 *
 * <p>Layer: model, the bottom of the library. It may depend on Jackson, fabric8's model types (for
 * conversions only) and the Bean Validation API; never on the translate or reconcile layers, and
 * never on anything that performs I/O.
 *
 * <p>Nullability rule: optional fields are {@link java.util.Optional} and never null; collections
 * are never null; required fields are plain references that may be null only in an object that has
 * not been validated.
 */
@NullMarked
package dev.lattice.backup.model;

import org.jspecify.annotations.NullMarked;
