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
package dev.lattice.backup.model.io.internal;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.validation.SourceLocation;
import java.util.Objects;

/**
 * One document of a text, bound straight to a BackupStore by {@link CodecEngine#tryReadAll(String,
 * java.util.Optional)}: no tree, no field locations.
 *
 * @param store the store, not yet validated
 * @param index the document's 0-based position in its text, counting empty documents, as {@link
 *     SourceDocument#index()}
 * @param location where the document starts, as {@link SourceDocument#location()}
 */
public record BoundDocument(BackupStore store, int index, SourceLocation location) {
  /**
   * Checks nothing is null.
   *
   * @param store the store, not yet validated
   * @param index the document's 0-based position in its text
   * @param location where the document starts
   */
  public BoundDocument {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(location, "location");
  }
}
