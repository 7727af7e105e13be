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
package dev.lattice.backup.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.AzureStorageConfig;
import dev.lattice.backup.model.BackupStorageProvider;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.S3StorageConfig;
import org.junit.jupiter.api.Test;

/** One example per cross-field row of the validation table, with the exact message. */
class StoreRulesTest {

  private static BackupStore store(BackupStorageSpec storage) {
    return BackupStore.of(
        ObjectMetadata.named("s").withNamespace("lattice-system"), BackupStoreSpec.of(storage));
  }

  private static java.util.List<String> errors(BackupStorageSpec storage) {
    return BackupStoreValidator.validate(store(storage)).stream()
        .map(FieldError::toString)
        .toList();
  }

  @Test
  void s3NeedsItsBlockAndARegion() {
    assertThat(errors(BackupStorageSpec.of(BackupStorageProvider.S3)))
        .containsExactly("spec.storage.s3: Required value: required when provider is \"s3\"");
    assertThat(errors(BackupStorageSpec.s3(S3StorageConfig.of("bucket"))))
        .containsExactly(
            "spec.storage.s3.region: Required value: required when provider is \"s3\"");
  }

  @Test
  void s3CompatibleNeedsEndpointAndPathStyleButNoRegion() {
    assertThat(errors(BackupStorageSpec.s3Compatible(S3StorageConfig.of("bucket"))))
        .containsExactly(
            "spec.storage.s3.endpoint: Required value: required when provider is \"s3Compatible\"",
            "spec.storage.s3.forcePathStyle: Required value: required when provider is \"s3Compatible\"");
    assertThat(
            errors(
                BackupStorageSpec.s3Compatible(
                    S3StorageConfig.of("bucket")
                        .withEndpoint("http://minio:9000")
                        .withForcePathStyle(false))))
        .isEmpty();
  }

  @Test
  void aBlockForAnotherProviderIsForbiddenOnThatBlock() {
    assertThat(
            errors(
                BackupStorageSpec.gcs(GcsStorageConfig.of("bucket"))
                    .withAzure(AzureStorageConfig.of("box"))))
        .containsExactly("spec.storage.azure: Forbidden: may not be set when provider is \"gcs\"");
    assertThat(
            errors(
                BackupStorageSpec.azure(AzureStorageConfig.of("box"))
                    .withS3(S3StorageConfig.of("bucket"))))
        .containsExactly("spec.storage.s3: Forbidden: may not be set when provider is \"azure\"");
    assertThat(errors(BackupStorageSpec.of(BackupStorageProvider.AZURE)))
        .containsExactly("spec.storage.azure: Required value: required when provider is \"azure\"");
    assertThat(errors(BackupStorageSpec.of(BackupStorageProvider.GCS)))
        .containsExactly("spec.storage.gcs: Required value: required when provider is \"gcs\"");
  }

  @Test
  void atMostOneCredentialSource() {
    assertThat(
            errors(
                BackupStorageSpec.gcs(GcsStorageConfig.of("bucket"))
                    .withCloudProviderRef("gcp")
                    .withCredentialsSecretRef("creds")))
        .containsExactly(
            "spec.storage: Forbidden: may not set both cloudProviderRef and credentialsSecretRef:"
                + " choose one credential source");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    BackupStore broken =
        new BackupStore(
            "v1",
            "Store",
            ObjectMetadata.named("Bad_Name").withNamespace("Bad_NS"),
            BackupStoreSpec.of(
                BackupStorageSpec.s3(S3StorageConfig.of("ab").withEndpoint("ftp://x"))
                    .withGcs(GcsStorageConfig.of("goog"))
                    .withCloudProviderRef("A")
                    .withCredentialsSecretRef("B")),
            java.util.Optional.empty());

    assertThat(BackupStoreValidator.validate(broken))
        .extracting(FieldError::path)
        .containsExactly(
            "apiVersion",
            "kind",
            "metadata.name",
            "metadata.namespace",
            "spec.storage.s3.bucket",
            "spec.storage.s3.endpoint",
            "spec.storage.gcs.bucket",
            "spec.storage.cloudProviderRef",
            "spec.storage.credentialsSecretRef",
            "spec.storage.gcs",
            "spec.storage.s3.region",
            "spec.storage");
  }
}
