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
package dev.lattice.backup.reconcile;

import dev.lattice.backup.model.AzureStorageConfig;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.testing.fixtures.Seeds;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TrustPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** Stores and Secrets for reconcile tests. */
final class Fixtures {
  static final String PLATFORM = "lattice-system";
  static final String VELERO = "velero";

  /**
   * The default translation options, except that platform stores (in {@value #PLATFORM}) may name
   * no credentials, so that Velero uses its own: most reconcile tests are about the reconciler, not
   * the credentials rule, and their platform S3 and Azure stores name none.
   */
  static final TranslationOptions TRANSLATION =
      TranslationOptions.defaults().toBuilder()
          .trust(TrustPolicy.defaults().withDefaultCredentialNamespaces(Set.of(PLATFORM)))
          .build();

  /** {@link #TRANSLATION} with the default reconcile options. */
  static final ReconcileOptions OPTIONS = ReconcileOptions.of(TRANSLATION);

  private Fixtures() {}

  /** One of the seed's stores, from the model's test resources. */
  static BackupStore seed(String file) {
    return Seeds.store(file);
  }

  static BackupStore store(String namespace, String name, boolean dflt, BackupStorageSpec spec) {
    return BackupStore.of(
        ObjectMetadata.named(name).withNamespace(namespace), new BackupStoreSpec(dflt, spec));
  }

  static BackupStorageSpec s3(String bucket) {
    return BackupStorageSpec.s3(S3StorageConfig.of(bucket).withRegion("eu-west-1"));
  }

  static BackupStorageSpec minio(String bucket, String secret) {
    return BackupStorageSpec.s3Compatible(
            S3StorageConfig.of(bucket)
                .withEndpoint("http://minio.minio-system.svc:9000")
                .withForcePathStyle(true))
        .withCredentialsSecretRef(secret);
  }

  static BackupStorageSpec gcs(String bucket, String secret) {
    return BackupStorageSpec.gcs(GcsStorageConfig.of(bucket)).withCredentialsSecretRef(secret);
  }

  static BackupStorageSpec azure(String container) {
    return BackupStorageSpec.azure(
        AzureStorageConfig.of(container).withStorageAccount("latticebk"));
  }

  /** Secret data with key {@code cloud}. */
  static SecretData cloud(String value) {
    return SecretData.of(Map.of("cloud", value.getBytes(StandardCharsets.UTF_8)));
  }
}
