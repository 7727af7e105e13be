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
package dev.lattice.backup.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.io.BackupStoreReadException;
import dev.lattice.backup.model.io.internal.BoundDocument;
import dev.lattice.backup.model.io.internal.CodecEngine;
import dev.lattice.backup.model.io.internal.SourceDocument;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Reads BackupStores out of named texts: multi-document YAML, JSON, {@code kind: List}; documents
 * of other kinds are counted and skipped. A store that does not fit the schema is a verdict (its
 * errors are kept); text that cannot be read at all is an {@link InputProblem}.
 */
final class Loader {
  /** A store, where it came from, and what was wrong with it while reading. */
  record Loaded(
      String source,
      String key,
      SourceLocation start,
      Located located,
      Optional<BackupStore> store,
      List<FieldError> readErrors) {}

  /**
   * Texts are parsed without field locations (twice as fast); a text in which errors are found is
   * parsed again, once, with them.
   */
  static final class Relocator {
    private final CodecEngine codec;
    private final Inputs.Input input;
    private @org.jspecify.annotations.Nullable List<SourceDocument> located;

    Relocator(CodecEngine codec, Inputs.Input input) {
      this.codec = codec;
      this.input = input;
    }

    SourceDocument document(int position) {
      List<SourceDocument> docs = located;
      if (docs == null) {
        docs = expandLists(codec.parse(input.text(), Optional.of(input.name()), true));
        located = docs;
      }
      return docs.get(position);
    }
  }

  /** A document's place in its text, to locate its errors. */
  record Located(Relocator relocator, int position) {
    List<FieldError> locate(List<FieldError> errors) {
      return relocator.document(position).locate(errors);
    }
  }

  /** Everything read. */
  record Result(List<Loaded> stores, int skipped) {}

  private final CodecEngine codec;
  private final String defaultNamespace;

  Loader(CodecEngine codec, String defaultNamespace) {
    this.codec = codec;
    this.defaultNamespace = defaultNamespace;
  }

  Result load(List<Inputs.Input> inputs) throws InputProblem {
    List<Loaded> stores = new ArrayList<>();
    int skipped = 0;
    for (Inputs.Input input : inputs) {
      Relocator relocator = new Relocator(codec, input);
      // a large text is bound on two threads (same result as on one)
      Optional<List<BoundDocument>> bound =
          codec.tryReadAll(input.text(), Optional.of(input.name()), ForkJoinPool.commonPool());
      if (bound.isPresent()) {
        // every document a plain BackupStore: bound straight from the text
        List<BoundDocument> docs = bound.get();
        for (int position = 0; position < docs.size(); position++) {
          BackupStore store = withNamespace(docs.get(position).store());
          stores.add(
              new Loaded(
                  input.name(),
                  keyOf(store),
                  docs.get(position).location(),
                  new Located(relocator, position),
                  Optional.of(store),
                  List.of()));
        }
        continue;
      }
      List<SourceDocument> docs;
      try {
        docs = expandLists(codec.parse(input.text(), Optional.of(input.name()), false));
      } catch (BackupStoreReadException e) {
        throw new InputProblem(describe(e.errors().get(0), input.name()));
      }
      for (int position = 0; position < docs.size(); position++) {
        SourceDocument doc = docs.get(position);
        Located located = new Located(relocator, position);
        if (!doc.tree().isObject()) {
          throw new InputProblem(
              doc.location()
                  + ": a document must be a mapping, not "
                  + doc.tree().getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!doc.kind().filter("BackupStore"::equals).isPresent()) {
          skipped++;
          continue;
        }
        Optional<BackupStore> store;
        List<FieldError> errors;
        try {
          store = Optional.of(withNamespace(codec.decode(doc)));
          errors = List.of();
        } catch (BackupStoreReadException e) {
          if (e.kind() == BackupStoreReadException.Kind.MALFORMED) {
            throw new InputProblem(describe(e.errors().get(0), input.name()));
          }
          store = Optional.empty();
          errors = e.errors();
        }
        stores.add(
            new Loaded(input.name(), keyOf(doc.tree()), doc.location(), located, store, errors));
      }
    }
    return new Result(stores, skipped);
  }

  /** {@code namespace/name} as the document says, with the default namespace filled in. */
  private String keyOf(JsonNode tree) {
    JsonNode meta = tree.path("metadata");
    String ns =
        meta.path("namespace").isTextual() ? meta.path("namespace").asText() : defaultNamespace;
    String name = meta.path("name").isTextual() ? meta.path("name").asText() : "<unnamed>";
    return ns + "/" + name;
  }

  /**
   * {@code namespace/name} of a store bound straight from the text, before the default namespace is
   * filled in: the same key as {@link #keyOf(JsonNode)} of its document (the direct binder binds
   * only textual names and namespaces).
   */
  private String keyOf(BackupStore store) {
    ObjectMetadata meta = store.metadata();
    String ns = meta == null ? defaultNamespace : meta.namespace().orElse(defaultNamespace);
    String name = meta == null ? null : meta.name();
    return ns + "/" + (name == null ? "<unnamed>" : name);
  }

  private BackupStore withNamespace(BackupStore store) {
    ObjectMetadata meta = store.metadata();
    if (meta == null || meta.namespace().isPresent()) {
      return store;
    }
    return store.withMetadata(meta.withNamespace(defaultNamespace));
  }

  /** Replaces each {@code kind: List} document by its items, keeping their locations. */
  private static List<SourceDocument> expandLists(List<SourceDocument> docs) {
    List<SourceDocument> out = new ArrayList<>();
    for (SourceDocument doc : docs) {
      JsonNode items = doc.tree().path("items");
      if (doc.kind().filter("List"::equals).isPresent() && items.isArray()) {
        for (int i = 0; i < items.size(); i++) {
          String prefix = "items[" + i + "]";
          Map<String, SourceLocation> located = new HashMap<>();
          doc.locations()
              .forEach(
                  (path, at) -> {
                    if (path.equals(prefix)) {
                      located.put("", at);
                    } else if (path.startsWith(prefix + ".") || path.startsWith(prefix + "[")) {
                      String rest = path.substring(prefix.length());
                      located.put(rest.startsWith(".") ? rest.substring(1) : rest, at);
                    }
                  });
          out.add(
              new SourceDocument(
                  items.get(i), doc.index(), doc.locate(prefix), located, List.of()));
        }
      } else {
        out.add(doc);
      }
    }
    return out;
  }

  static String describe(FieldError e, String source) {
    String where = e.location().map(SourceLocation::toString).orElse(source);
    return where + ": " + e;
  }
}
