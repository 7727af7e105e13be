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

import com.fasterxml.jackson.core.JsonToken;
import dev.lattice.backup.model.AzureStorageConfig;
import dev.lattice.backup.model.BackupStorageProvider;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.S3StorageConfig;
import java.io.IOException;
import java.util.Optional;

/**
 * Binds a store's {@code spec.storage} straight from the tokens for {@link DirectBinder}: the
 * provider and its S3, GCS or Azure configuration, and the credential references. {@linkplain
 * GiveUp Gives up} on an unknown field or provider, as the binder does.
 */
final class StorageBinder {
  private final TokenReader tokens;

  StorageBinder(TokenReader tokens) {
    this.tokens = tokens;
  }

  /** The storage mapping whose start is the token, at depth 3. */
  BackupStorageSpec storage(JsonToken start) throws IOException {
    tokens.object(start, 3);
    BackupStorageProvider provider = null;
    S3StorageConfig s3 = null;
    GcsStorageConfig gcs = null;
    AzureStorageConfig azure = null;
    String cloudProviderRef = null;
    String credentialsSecretRef = null;
    int seen = 0;
    while (tokens.nextField()) {
      String key = tokens.fieldName();
      JsonToken value = tokens.value();
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
          cloudProviderRef = tokens.string(value);
        }
        case "credentialsSecretRef" -> {
          seen = once(seen, 32);
          credentialsSecretRef = tokens.string(value);
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
    tokens.object(start, 4);
    String bucket = null;
    String region = null;
    String endpoint = null;
    Boolean forcePathStyle = null;
    int seen = 0;
    while (tokens.nextField()) {
      String key = tokens.fieldName();
      JsonToken value = tokens.value();
      switch (key) {
        case "bucket" -> {
          seen = once(seen, 1);
          bucket = tokens.string(value);
        }
        case "region" -> {
          seen = once(seen, 2);
          region = tokens.string(value);
        }
        case "endpoint" -> {
          seen = once(seen, 4);
          endpoint = tokens.string(value);
        }
        case "forcePathStyle" -> {
          seen = once(seen, 8);
          forcePathStyle = tokens.bool(value);
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
    tokens.object(start, 4);
    String bucket = null;
    while (tokens.nextField()) {
      String key = tokens.fieldName();
      JsonToken value = tokens.value();
      if (!key.equals("bucket") || bucket != null) {
        throw GiveUp.INSTANCE;
      }
      bucket = tokens.string(value);
    }
    return new GcsStorageConfig(bucket);
  }

  private AzureStorageConfig azure(JsonToken start) throws IOException {
    tokens.object(start, 4);
    String container = null;
    String storageAccount = null;
    int seen = 0;
    while (tokens.nextField()) {
      String key = tokens.fieldName();
      JsonToken value = tokens.value();
      switch (key) {
        case "container" -> {
          seen = once(seen, 1);
          container = tokens.string(value);
        }
        case "storageAccount" -> {
          seen = once(seen, 2);
          storageAccount = tokens.string(value);
        }
        default -> throw GiveUp.INSTANCE;
      }
    }
    return new AzureStorageConfig(container, Optional.ofNullable(storageAccount));
  }

  private BackupStorageProvider provider(JsonToken token) throws IOException {
    return switch (tokens.string(token)) {
      case "s3" -> BackupStorageProvider.S3;
      case "s3Compatible" -> BackupStorageProvider.S3_COMPATIBLE;
      case "gcs" -> BackupStorageProvider.GCS;
      case "azure" -> BackupStorageProvider.AZURE;
      default -> throw GiveUp.INSTANCE;
    };
  }
}
