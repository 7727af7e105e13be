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

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.lattice.backup.model.AzureStorageConfig;
import dev.lattice.backup.model.BackupStorageProvider;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.io.ReadLimits;
import dev.lattice.backup.model.validation.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

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
 */
final class DirectBinder {
  /** The binder met something only the general path handles. Carries no stack trace. */
  static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super("not a plain BackupStore text", null, false, false);
    }
  }

  private final JsonParser parser;
  private final Optional<String> source;
  private final int maxDepth;
  private final int maxStringChars;
  private final @Nullable YAMLParser yaml;

  DirectBinder(JsonParser parser, Optional<String> source, ReadLimits limits) {
    this.parser = parser;
    this.source = source;
    this.maxDepth = limits.maxNestingDepth();
    this.maxStringChars = limits.maxStringChars();
    this.yaml = parser instanceof YAMLParser y ? y : null;
  }

  private int documents;

  /** How many documents {@link #readAll} went through, empty ones included. */
  int documents() {
    return documents;
  }

  /** Every non-empty document of the stream, bound; throws {@link GiveUp}. */
  List<BoundDocument> readAll() throws IOException {
    List<BoundDocument> out = new ArrayList<>();
    int index = 0;
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      checkAlias();
      if (token == JsonToken.VALUE_NULL) {
        index++; // an empty document, skipped as the general path skips it
        continue;
      }
      if (token != JsonToken.START_OBJECT) {
        throw GiveUp.INSTANCE;
      }
      SourceLocation start = here();
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
    depth(1);
    String apiVersion = null;
    String kind = null;
    ObjectMetadata metadata = null;
    BackupStoreSpec spec = null;
    int seen = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken value = value();
      switch (key) {
        case "apiVersion" -> {
          seen = once(seen, API_VERSION);
          apiVersion = string(value);
        }
        case "kind" -> {
          seen = once(seen, KIND);
          kind = string(value);
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
    object(start, 2);
    String name = null;
    String namespace = null;
    String uid = null;
    Long generation = null;
    String resourceVersion = null;
    Map<String, String> labels = Map.of(); // the record makes absent and empty the same
    Map<String, String> annotations = Map.of();
    List<String> finalizers = List.of();
    int seen = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken value = value();
      switch (key) {
        case "name" -> {
          seen = once(seen, 1);
          name = string(value);
        }
        case "namespace" -> {
          seen = once(seen, 2);
          namespace = string(value);
        }
        case "uid" -> {
          seen = once(seen, 4);
          uid = string(value);
        }
        case "generation" -> {
          seen = once(seen, 8);
          generation = integer(value);
        }
        case "resourceVersion" -> {
          seen = once(seen, 16);
          resourceVersion = string(value);
        }
        case "labels" -> {
          seen = once(seen, 32);
          labels = stringMap(value, 3);
        }
        case "annotations" -> {
          seen = once(seen, 64);
          annotations = stringMap(value, 3);
        }
        case "finalizers" -> {
          seen = once(seen, 128);
          finalizers = stringList(value, 3);
        }
        default -> throw GiveUp.INSTANCE;
      }
    }
    return new ObjectMetadata(
        name,
        Optional.ofNullable(namespace),
        Optional.ofNullable(uid),
        Optional.ofNullable(generation),
        Optional.ofNullable(resourceVersion),
        Optional.empty(),
        Optional.empty(),
        labels,
        annotations,
        finalizers);
  }

  private BackupStoreSpec spec(JsonToken start) throws IOException {
    object(start, 2);
    boolean isDefault = false;
    BackupStorageSpec storage = null;
    int seen = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken value = value();
      switch (key) {
        case "default" -> {
          seen = once(seen, 1);
          isDefault = bool(value);
        }
        case "storage" -> {
          seen = once(seen, 2);
          storage = storage(value);
        }
        default -> throw GiveUp.INSTANCE;
      }
    }
    return new BackupStoreSpec(isDefault, storage);
  }

  private BackupStorageSpec storage(JsonToken start) throws IOException {
    object(start, 3);
    BackupStorageProvider provider = null;
    S3StorageConfig s3 = null;
    GcsStorageConfig gcs = null;
    AzureStorageConfig azure = null;
    String cloudProviderRef = null;
    String credentialsSecretRef = null;
    int seen = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken value = value();
      switch (key) {
        case "provider" -> {
          seen = once(seen, 1);
          provider = provider(value);
        }
        case "s3" -> {
          seen = once(seen, 2);
          s3 = s3(value);
        }
        case "gcs" -> {
          seen = once(seen, 4);
          gcs = gcs(value);
        }
        case "azure" -> {
          seen = once(seen, 8);
          azure = azure(value);
        }
        case "cloudProviderRef" -> {
          seen = once(seen, 16);
          cloudProviderRef = string(value);
        }
        case "credentialsSecretRef" -> {
          seen = once(seen, 32);
          credentialsSecretRef = string(value);
        }
        default -> throw GiveUp.INSTANCE;
      }
    }
    return new BackupStorageSpec(
        provider,
        Optional.ofNullable(s3),
        Optional.ofNullable(gcs),
        Optional.ofNullable(azure),
        Optional.ofNullable(cloudProviderRef),
        Optional.ofNullable(credentialsSecretRef));
  }

  private S3StorageConfig s3(JsonToken start) throws IOException {
    object(start, 4);
    String bucket = null;
    String region = null;
    String endpoint = null;
    Boolean forcePathStyle = null;
    int seen = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken value = value();
      switch (key) {
        case "bucket" -> {
          seen = once(seen, 1);
          bucket = string(value);
        }
        case "region" -> {
          seen = once(seen, 2);
          region = string(value);
        }
        case "endpoint" -> {
          seen = once(seen, 4);
          endpoint = string(value);
        }
        case "forcePathStyle" -> {
          seen = once(seen, 8);
          forcePathStyle = bool(value);
        }
        default -> throw GiveUp.INSTANCE;
      }
    }
    return new S3StorageConfig(
        bucket,
        Optional.ofNullable(region),
        Optional.ofNullable(endpoint),
        Optional.ofNullable(forcePathStyle));
  }

  private GcsStorageConfig gcs(JsonToken start) throws IOException {
    object(start, 4);
    String bucket = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken value = value();
      if (!key.equals("bucket") || bucket != null) {
        throw GiveUp.INSTANCE;
      }
      bucket = string(value);
    }
    return new GcsStorageConfig(bucket);
  }

  private AzureStorageConfig azure(JsonToken start) throws IOException {
    object(start, 4);
    String container = null;
    String storageAccount = null;
    int seen = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken value = value();
      switch (key) {
        case "container" -> {
          seen = once(seen, 1);
          container = string(value);
        }
        case "storageAccount" -> {
          seen = once(seen, 2);
          storageAccount = string(value);
        }
        default -> throw GiveUp.INSTANCE;
      }
    }
    return new AzureStorageConfig(container, Optional.ofNullable(storageAccount));
  }

  // ------------------------------------------------------------------------------------- values

  /** Moves to a field's value; gives up on an alias. */
  private JsonToken value() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw GiveUp.INSTANCE;
    }
    checkAlias();
    return token;
  }

  private void checkAlias() {
    if (yaml != null && yaml.isCurrentAlias()) {
      throw GiveUp.INSTANCE;
    }
  }

  private String string(JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw GiveUp.INSTANCE;
    }
    return checkedLength(parser.getText());
  }

  private boolean bool(JsonToken token) {
    if (token == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw GiveUp.INSTANCE;
  }

  private long integer(JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw GiveUp.INSTANCE;
    }
    JsonParser.NumberType type = parser.getNumberType();
    if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
      throw GiveUp.INSTANCE;
    }
    return parser.getLongValue();
  }

  private BackupStorageProvider provider(JsonToken token) throws IOException {
    return switch (string(token)) {
      case "s3" -> BackupStorageProvider.S3;
      case "s3Compatible" -> BackupStorageProvider.S3_COMPATIBLE;
      case "gcs" -> BackupStorageProvider.GCS;
      case "azure" -> BackupStorageProvider.AZURE;
      default -> throw GiveUp.INSTANCE;
    };
  }

  private Map<String, String> stringMap(JsonToken start, int depth) throws IOException {
    object(start, depth);
    Map<String, String> out = new TreeMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = checkedLength(parser.currentName());
      if (out.put(key, string(value())) != null) {
        throw GiveUp.INSTANCE;
      }
    }
    return out;
  }

  private List<String> stringList(JsonToken start, int depth) throws IOException {
    if (start != JsonToken.START_ARRAY) {
      throw GiveUp.INSTANCE;
    }
    depth(depth);
    List<String> out = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw GiveUp.INSTANCE;
      }
      checkAlias();
      out.add(string(token));
    }
    return out;
  }

  /** A mapping at the given depth, or give up. */
  private void object(JsonToken start, int depth) {
    if (start != JsonToken.START_OBJECT) {
      throw GiveUp.INSTANCE;
    }
    depth(depth);
  }

  private void depth(int depth) {
    if (depth > maxDepth) {
      throw GiveUp.INSTANCE;
    }
  }

  private String checkedLength(String text) {
    if (text.length() > maxStringChars) {
      throw GiveUp.INSTANCE;
    }
    return text;
  }

  private static int once(int seen, int bit) {
    if ((seen & bit) != 0) {
      throw GiveUp.INSTANCE; // a duplicate key
    }
    return seen | bit;
  }

  /** Where the current token starts, exactly as {@link TreeReader} computes it. */
  private SourceLocation here() {
    JsonLocation l = parser.currentTokenLocation();
    SourceLocation at = SourceLocation.of(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    return source.map(at::inSource).orElse(at);
  }
}
