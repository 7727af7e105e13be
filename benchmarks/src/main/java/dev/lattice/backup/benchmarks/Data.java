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
package dev.lattice.backup.benchmarks;

import dev.lattice.backup.model.AzureStorageConfig;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.S3StorageConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Deterministic benchmark inputs: valid stores of all four providers over many namespaces. */
final class Data {
  static final String PLATFORM = "lattice-system";

  private Data() {}

  /** The storage block of store number {@code i}: s3, s3Compatible, gcs, azure in turn. */
  static BackupStorageSpec storage(int i) {
    return switch (i % 4) {
      case 0 -> BackupStorageSpec.s3(S3StorageConfig.of("bucket-" + i).withRegion("us-east-1"));
      case 1 ->
          BackupStorageSpec.s3Compatible(
                  S3StorageConfig.of("bucket-" + i)
                      .withEndpoint("http://minio.minio-system.svc:9000")
                      .withForcePathStyle(true))
              .withCredentialsSecretRef("minio-creds");
      case 2 ->
          BackupStorageSpec.gcs(GcsStorageConfig.of("bucket-" + i))
              .withCredentialsSecretRef("gcs-creds");
      default ->
          BackupStorageSpec.azure(
              AzureStorageConfig.of("box-" + i).withStorageAccount("acct" + (i % 1000)));
    };
  }

  /** Store number {@code i}: a third in the platform namespace, the rest over 50 tenants. */
  static BackupStore store(int i) {
    String namespace = i % 3 == 0 ? PLATFORM : "team-" + (i % 50);
    ObjectMetadata meta =
        ObjectMetadata.builder()
            .namespace(namespace)
            .name("store-" + i)
            .generation(1L)
            .creationTimestamp(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i))
            .build();
    return BackupStore.of(meta, new BackupStoreSpec(i % 3 == 0 && i % 7 == 0, storage(i)));
  }

  /** The first {@code n} stores. */
  static List<BackupStore> stores(int n) {
    List<BackupStore> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(store(i));
    }
    return out;
  }
}
