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

import static dev.lattice.backup.model.io.internal.TokenReader.once;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.io.ReadLimits;
import dev.lattice.backup.model.validation.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds every document of a parser's stream straight from its tokens to BackupStores, without
 * building trees: the fast path for texts that are plainly well-formed. It binds only what the
 * general path ({@link TreeReader}, {@link SchemaCheck}, Jackson's binding) binds to the very same
 * records without a word of complaint, and {@linkplain GiveUp gives up} on everything else, leaving
 * the text to the general path, which reports its problems with their locations.
 *
 * <p>It gives up on: a document that is not a mapping of kind {@code BackupStore} and apiVersion
 * {@code lattice.dev/v1alpha1} with a {@code spec}; a field it does not bind (unknown fields,
 * {@code status}, timestamps); a value of another JSON type than its field's, {@code null}
 * included; an unknown provider; a duplicate key; a YAML alias; nesting deeper than the limit; a
 * scalar or key longer than the limit; and any error of the parser.
 *
 * <p>The values themselves are read by {@link TokenReader}, {@code spec.storage} by {@link
 * StorageBinder}.
 */
final class DirectBinder {
  private final TokenReader tokens;
  private final StorageBinder storageBinder;
  private int documents;

  DirectBinder(JsonParser parser, Optional<String> source, ReadLimits limits) {
    this.tokens = new TokenReader(parser, source, limits);
    this.storageBinder = new StorageBinder(tokens);
  }

  /** How many documents {@link #readAll} went through, empty ones included. */
  int documents() {
    return documents;
  }

  /** Every non-empty document of the stream, bound; throws {@link GiveUp}. */
  List<BoundDocument> readAll() throws IOException {
    List<BoundDocument> out = new ArrayList<>();
    int index = 0;
    JsonToken token;
    while ((token = tokens.nextToken()) != null) {
      tokens.checkAlias();
      if (token == JsonToken.VALUE_NULL) {
        index++; // an empty document, skipped as the general path skips it
        continue;
      }
      if (token != JsonToken.START_OBJECT) {
        throw GiveUp.INSTANCE;
      }
      SourceLocation start = tokens.here();
      out.add(new BoundDocument(store(), index, start));
      index++;
    }
    documents = index;
    return out;
  }

  // ------------------------------------------------------------------------------------ records

  private static final int API_VERSION = 1;
  private static final int KIND = 2;
  private static final int METADATA = 4;
  private static final int SPEC = 8;

  private BackupStore store() throws IOException {
    tokens.depth(1);
    String apiVersion = null;
    String kind = null;
    ObjectMetadata metadata = null;
    BackupStoreSpec spec = null;
    int seen = 0;
    while (tokens.nextField()) {
      String key = tokens.fieldName();
      JsonToken value = tokens.value();
      switch (key) {
        case "apiVersion" -> {
          seen = once(seen, API_VERSION);
          apiVersion = tokens.string(value);
        }
        case "kind" -> {
          seen = once(seen, KIND);
          kind = tokens.string(value);
        }
        case "metadata" -> {
          seen = once(seen, METADATA);
          metadata = metadata(value);
        }
        case "spec" -> {
          seen = once(seen, SPEC);
          spec = spec(value);
        }
        default -> throw GiveUp.INSTANCE;
      }
    }
    if (!BackupStore.KIND.equals(kind)
        || !BackupStore.API_VERSION.equals(apiVersion)
        || spec == null) {
      // another kind or version, or no spec: the general path decides what to do with it
      throw GiveUp.INSTANCE;
    }
    return new BackupStore(apiVersion, kind, metadata, spec, Optional.empty());
  }

  private ObjectMetadata metadata(JsonToken start) throws IOException {
    tokens.object(start, 2);
    // a field the document leaves out keeps the builder's empty value, as the record normalises it
    ObjectMetadata.Builder meta = ObjectMetadata.builder();
    int seen = 0;
    while (tokens.nextField()) {
      String key = tokens.fieldName();
      JsonToken value = tokens.value();
      switch (key) {
        case "name" -> {
          seen = once(seen, 1);
          meta.name(tokens.string(value));
        }
        case "namespace" -> {
          seen = once(seen, 2);
          meta.namespace(tokens.string(value));
        }
        case "uid" -> {
          seen = once(seen, 4);
          meta.uid(tokens.string(value));
        }
        case "generation" -> {
          seen = once(seen, 8);
          meta.generation(tokens.integer(value));
        }
        case "resourceVersion" -> {
          seen = once(seen, 16);
          meta.resourceVersion(tokens.string(value));
        }
        case "labels" -> {
          seen = once(seen, 32);
          meta.labels(tokens.stringMap(value, 3));
        }
        case "annotations" -> {
          seen = once(seen, 64);
          meta.annotations(tokens.stringMap(value, 3));
        }
        case "finalizers" -> {
          seen = once(seen, 128);
          meta.finalizers(tokens.stringList(value, 3));
        }
        default -> throw GiveUp.INSTANCE;
      }
    }
    return meta.build();
  }

  private BackupStoreSpec spec(JsonToken start) throws IOException {
    tokens.object(start, 2);
    boolean isDefault = false;
    BackupStorageSpec storage = null;
    int seen = 0;
    while (tokens.nextField()) {
      String key = tokens.fieldName();
      JsonToken value = tokens.value();
      switch (key) {
        case "default" -> {
          seen = once(seen, 1);
          isDefault = tokens.bool(value);
        }
        case "storage" -> {
          seen = once(seen, 2);
          storage = storageBinder.storage(value);
        }
        default -> throw GiveUp.INSTANCE;
      }
    }
    return new BackupStoreSpec(isDefault, storage);
  }
}
