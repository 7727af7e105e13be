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
package dev.lattice.backup.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kind of object storage a BackupStore points at; the wire values are the seed's spelling. */
public enum BackupStorageProvider {
  /** Amazon S3. Requires {@code s3.bucket} and {@code s3.region}. */
  S3("s3"),
  /** Google Cloud Storage. Requires {@code gcs.bucket}. */
  GCS("gcs"),
  /** Azure Blob Storage. Requires {@code azure.container}. */
  AZURE("azure"),
  /**
   * S3-compatible storage (MinIO, Ceph, …). Requires {@code s3.endpoint} and {@code
   * s3.forcePathStyle}.
   */
  S3_COMPATIBLE("s3Compatible");

  private final String wireValue;

  BackupStorageProvider(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The value as written in JSON and YAML, such as {@code s3Compatible}.
   *
   * @return the wire value
   */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  /**
   * The provider with the given wire value.
   *
   * @param wireValue a value such as {@code s3Compatible}; case-sensitive
   * @return the provider, or empty when there is none of that spelling
   */
  public static Optional<BackupStorageProvider> fromWireValue(String wireValue) {
    return Arrays.stream(values()).filter(p -> p.wireValue.equals(wireValue)).findFirst();
  }

  /**
   * Every wire value, in declaration order.
   *
   * @return {@code s3, gcs, azure, s3Compatible}
   */
  public static List<String> wireValues() {
    return Arrays.stream(values()).map(BackupStorageProvider::wireValue).toList();
  }

  /**
   * Whether this provider is configured through the {@code s3} block.
   *
   * @return true for {@link #S3} and {@link #S3_COMPATIBLE}
   */
  public boolean usesS3Block() {
    return this == S3 || this == S3_COMPATIBLE;
  }

  @Override
  public String toString() {
    return wireValue;
  }
}
