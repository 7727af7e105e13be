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
 * The validation rules of a BackupStore and the {@link
 * dev.lattice.backup.model.validation.FieldError} value every layer reports problems with.
 *
 * <p>Layer: model. Rules are pure functions (the field rules and the cross-field rules, in the
 * unexported {@code internal} package), exposed twice: as Bean Validation constraints on the
 * records for any provider, and through {@link
 * dev.lattice.backup.model.validation.BackupStoreValidator}, which needs no provider and also gives
 * a provider an interpolator that needs no Expression Language. Depends only on the model records
 * and the Bean Validation API.
 */
@NullMarked
package dev.lattice.backup.model.validation;

import org.jspecify.annotations.NullMarked;
