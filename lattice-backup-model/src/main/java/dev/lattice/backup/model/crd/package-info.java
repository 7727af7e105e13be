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
 * The BackupStore CustomResourceDefinition ({@code backupstores.lattice.dev}) that this library's
 * model describes, as the YAML manifest to install in a cluster.
 *
 * <p>Layer: model. The manifest is a resource of the model's jar; its schema and CEL rules mirror
 * the records and validation rules of {@link dev.lattice.backup.model}, and the model's tests prove
 * that the two agree.
 */
@NullMarked
package dev.lattice.backup.model.crd;

import org.jspecify.annotations.NullMarked;
