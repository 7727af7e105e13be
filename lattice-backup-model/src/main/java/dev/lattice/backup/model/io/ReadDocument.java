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
package dev.lattice.backup.model.io;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.io.internal.CodecEngine;
import dev.lattice.backup.model.io.internal.SourceDocument;
import dev.lattice.backup.model.validation.BackupStoreValidator;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One document read from a text by {@link BackupStoreCodec#readDocuments(String, Optional)}: the
 * store when the document fits the schema, otherwise the reading errors; either way every error it
 * hands out carries its line and column in the text ({@link FieldError#location()}).
 *
 * <p>Errors found later about the store, such as a translator's, are located with {@link
 * #locate(List)}. Field locations are recorded only when first needed (the text is parsed again,
 * once, for all documents of the text); a document is safe to share between threads.
 */
public final class ReadDocument {
  private final int index;
  private final int position;
  private final SourceLocation location;
  private final Optional<BackupStore> store;
  private final List<FieldError> readErrors;
  private final Locator locator;

  ReadDocument(
      int index,
      int position,
      SourceLocation location,
      Optional<BackupStore> store,
      List<FieldError> readErrors,
      Locator locator) {
    this.index = index;
    this.position = position;
    this.location = Objects.requireNonNull(location, "location");
    this.store = Objects.requireNonNull(store, "store");
    this.readErrors = List.copyOf(readErrors);
    this.locator = locator;
  }

  /**
   * The document's 0-based position in its text, counting empty YAML documents.
   *
   * @return the position
   */
  public int index() {
    return index;
  }

  /**
   * Where the document starts in the text.
   *
   * @return the location, with the text's source name when one was given
   */
  public SourceLocation location() {
    return location;
  }

  /**
   * The store, when the document fits the schema; not yet validated.
   *
   * @return the store, or empty when {@link #readErrors()} is not
   */
  public Optional<BackupStore> store() {
    return store;
  }

  /**
   * Why the document could not be read as a BackupStore, each error located.
   *
   * @return the errors; empty when {@link #store()} is present
   */
  public List<FieldError> readErrors() {
    return readErrors;
  }

  /**
   * Every error of the document, located: the reading errors when it could not be read, otherwise
   * the validation errors of {@link BackupStoreValidator#validate(BackupStore)}.
   *
   * @return the errors in field order; empty when the store is valid
   */
  public List<FieldError> errors() {
    return store.map(s -> locate(BackupStoreValidator.validate(s))).orElse(readErrors);
  }

  /**
   * The given errors about this document, each with the location of its field path (or of the
   * nearest field present, or the document's start).
   *
   * @param errors errors whose paths are rooted at this document, such as a translator's
   * @return the same errors, located
   */
  public List<FieldError> locate(List<FieldError> errors) {
    if (errors.isEmpty()) {
      return List.of();
    }
    return locator.document(position).locate(errors);
  }

  @Override
  public String toString() {
    return "ReadDocument[" + location + (store.isPresent() ? "" : ", " + readErrors) + "]";
  }

  /** The text's documents with field locations, parsed when first asked for. */
  static final class Locator {
    private final CodecEngine codec;
    private final String text;
    private final Optional<String> sourceName;
    private @Nullable List<SourceDocument> documents;

    Locator(CodecEngine codec, String text, Optional<String> sourceName) {
      this.codec = codec;
      this.text = text;
      this.sourceName = sourceName;
    }

    Locator(
        CodecEngine codec, String text, Optional<String> sourceName, List<SourceDocument> located) {
      this(codec, text, sourceName);
      this.documents = located;
    }

    /** The {@code position}th non-empty document, with field locations. */
    synchronized SourceDocument document(int position) {
      List<SourceDocument> docs = documents;
      if (docs == null) {
        docs = codec.parse(text, sourceName, true);
        documents = docs;
      }
      return docs.get(position);
    }
  }
}
