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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.io.internal.BoundDocument;
import dev.lattice.backup.model.io.internal.CodecEngine;
import dev.lattice.backup.model.io.internal.SourceDocument;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes BackupStores as JSON and YAML: the model's one entry point to text. Immutable
 * and thread-safe; build one and share it.
 *
 * <p>Two modes. {@linkplain #strict() Strict} reading reports every field the schema does not know
 * ({@code spec.storage.s3.bukcet}) and every duplicate key, as the API server's strict field
 * validation does, and refuses a document that is not a BackupStore: another {@code apiVersion} or
 * {@code kind} (a ConfigMap, say), or no {@code spec}, each error naming its field; {@linkplain
 * #lenient() lenient} reading ignores all of that, for objects from an API server newer than this
 * library (the validator still reports a wrong apiVersion, kind or missing spec). Both report
 * unknown enum values (listing the allowed ones) and values of the wrong JSON type. Reading never
 * throws anything but {@link BackupStoreReadException}, and never binds half a document: all of a
 * document's problems are reported together.
 *
 * <p>Reading takes a fast path when every document of the text is a plainly well-formed BackupStore
 * (a hand-written binder, no trees, no field locations), and the general path otherwise (a tree per
 * document, then Jackson's data binding), which reports every problem with its line and column.
 * Both give the same stores and the same errors; the fast path is an implementation detail.
 *
 * <p>Writing omits empty optionals and empty collections; labels and annotations come out sorted,
 * so the same store always gives the same bytes.
 */
public final class BackupStoreCodec {
  private static final BackupStoreCodec STRICT =
      new BackupStoreCodec(CodecEngine.of(true, ReadLimits.DEFAULTS));
  private static final BackupStoreCodec LENIENT =
      new BackupStoreCodec(CodecEngine.of(false, ReadLimits.DEFAULTS));

  private final CodecEngine engine;

  private BackupStoreCodec(CodecEngine engine) {
    this.engine = engine;
  }

  /**
   * A codec that reports unknown fields and duplicate keys, with the default limits.
   *
   * @return the shared strict codec
   */
  public static BackupStoreCodec strict() {
    return STRICT;
  }

  /**
   * A codec that ignores unknown fields (last duplicate key wins), with the default limits.
   *
   * @return the shared lenient codec
   */
  public static BackupStoreCodec lenient() {
    return LENIENT;
  }

  /**
   * A codec of the same mode with other read limits.
   *
   * @param value the limits
   * @return the new codec
   */
  public BackupStoreCodec withLimits(ReadLimits value) {
    return new BackupStoreCodec(CodecEngine.of(engine.isStrict(), value));
  }

  /**
   * Whether unknown fields and duplicate keys are errors.
   *
   * @return true for a strict codec
   */
  public boolean isStrict() {
    return engine.isStrict();
  }

  /**
   * The read limits in force.
   *
   * @return the limits
   */
  public ReadLimits limits() {
    return engine.limits();
  }

  /** The machinery, for this package's tests. */
  CodecEngine engine() {
    return engine;
  }

  // ---------------------------------------------------------------------------------------- read

  /**
   * Reads a text holding exactly one BackupStore, as JSON or YAML (JSON when the text starts with
   * an opening brace).
   *
   * @param text the text
   * @return the store, not yet validated
   * @throws BackupStoreReadException when the text is malformed, holds other than one document, or
   *     the document does not fit the schema
   */
  public BackupStore read(String text) {
    Optional<List<BoundDocument>> bound = engine.tryReadAll(text, Optional.empty());
    if (bound.isPresent() && bound.get().size() == 1) {
      return bound.get().get(0).store();
    }
    List<SourceDocument> docs = engine.parse(text, Optional.empty());
    if (docs.size() != 1) {
      throw new BackupStoreReadException(
          BackupStoreReadException.Kind.MALFORMED,
          List.of(
              FieldError.of(
                      "",
                      FieldError.Type.INVALID,
                      "expected exactly one document, found " + docs.size())
                  .at(docs.size() > 1 ? docs.get(1).location() : SourceLocation.of(1, 1))));
    }
    return engine.decode(docs.get(0));
  }

  /**
   * Reads every document of a text as a BackupStore (YAML documents separated by {@code ---}; a
   * JSON text holds one).
   *
   * @param text the text
   * @return the stores, in document order
   * @throws BackupStoreReadException for the first document that cannot be read
   */
  public List<BackupStore> readAll(String text) {
    Optional<List<BoundDocument>> bound = engine.tryReadAll(text, Optional.empty());
    if (bound.isPresent()) {
      return bound.get().stream().map(BoundDocument::store).toList();
    }
    return engine.parse(text, Optional.empty()).stream().map(engine::decode).toList();
  }

  /**
   * Reads every document of a text, reporting problems per document instead of stopping at the
   * first: the entry point for callers that want every error of a text with its line and column.
   * Each document holds its store or its reading errors; {@link ReadDocument#errors()} adds
   * validation, and {@link ReadDocument#locate(List)} locates any later error (a translator's).
   * Field locations are recorded only when an error needs them.
   *
   * @param text the text, JSON or YAML (YAML documents separated by {@code ---})
   * @param sourceName the name to put in locations, such as a file path; empty for none
   * @return the documents, in order (empty YAML documents are skipped)
   * @throws BackupStoreReadException of kind {@link BackupStoreReadException.Kind#MALFORMED}, with
   *     its location, when the text is not JSON or YAML, breaks a read limit, or holds a document
   *     that is not a mapping
   */
  public List<ReadDocument> readDocuments(String text, Optional<String> sourceName) {
    Optional<List<BoundDocument>> bound = engine.tryReadAll(text, sourceName);
    if (bound.isPresent()) {
      ReadDocument.Locator locator = new ReadDocument.Locator(engine, text, sourceName);
      List<ReadDocument> out = new ArrayList<>(bound.get().size());
      for (int i = 0; i < bound.get().size(); i++) {
        BoundDocument b = bound.get().get(i);
        out.add(
            new ReadDocument(
                b.index(), i, b.location(), Optional.of(b.store()), List.of(), locator));
      }
      return out;
    }
    List<SourceDocument> docs = engine.parse(text, sourceName, true);
    ReadDocument.Locator locator = new ReadDocument.Locator(engine, text, sourceName, docs);
    List<ReadDocument> out = new ArrayList<>(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      SourceDocument doc = docs.get(i);
      try {
        out.add(
            new ReadDocument(
                doc.index(),
                i,
                doc.location(),
                Optional.of(engine.decode(doc)),
                List.of(),
                locator));
      } catch (BackupStoreReadException e) {
        if (e.kind() == BackupStoreReadException.Kind.MALFORMED) {
          throw e;
        }
        out.add(
            new ReadDocument(
                doc.index(), i, doc.location(), Optional.empty(), e.errors(), locator));
      }
    }
    return out;
  }

  /**
   * Turns a tree into a BackupStore, with the checks of reading text but no locations.
   *
   * @param tree a JSON tree, such as one from the Kubernetes API
   * @return the store, not yet validated
   * @throws BackupStoreReadException when the tree does not fit the schema
   */
  public BackupStore fromTree(JsonNode tree) {
    return engine.fromTree(tree);
  }

  /**
   * A store as a controller reads it from the cluster: never fails. A spec that does not fit the
   * model is dropped (the store then reports itself invalid instead of disappearing), and so is a
   * status that does not fit; the metadata is the given one.
   *
   * @param tree the object's JSON tree without its metadata (this method edits it)
   * @param metadata the object's metadata
   * @return the store, with as much of the object as fits
   */
  public BackupStore fromClusterObject(ObjectNode tree, ObjectMetadata metadata) {
    tree.putObject("metadata").put("name", metadata.name());
    try {
      return fromTree(tree).withMetadata(metadata);
    } catch (BackupStoreReadException e) {
      tree.remove("spec");
      try {
        return fromTree(tree).withMetadata(metadata).withSpec(null);
      } catch (BackupStoreReadException again) {
        return new BackupStore(
            BackupStore.API_VERSION, BackupStore.KIND, metadata, null, Optional.empty());
      }
    }
  }

  // --------------------------------------------------------------------------------------- write

  /**
   * The store as a JSON tree.
   *
   * @param store the store
   * @return a new tree the caller may change
   */
  public JsonNode toTree(BackupStore store) {
    return engine.toTree(store);
  }

  /**
   * The store as compact JSON.
   *
   * @param store the store
   * @return the JSON text
   */
  public String writeJson(BackupStore store) {
    return engine.writeJson(store);
  }

  /**
   * The store as one YAML document, starting with {@code ---}.
   *
   * @param store the store
   * @return the YAML text
   */
  public String writeYaml(BackupStore store) {
    return engine.writeYaml(store);
  }

  /**
   * The stores as a multi-document YAML stream, in the given order.
   *
   * @param stores the stores
   * @return the YAML text
   */
  public String writeYaml(List<BackupStore> stores) {
    return engine.writeYaml(stores);
  }
}
