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

import dev.lattice.backup.model.validation.internal.ConsistentStorage;
import dev.lattice.backup.model.validation.internal.FieldRule;
import dev.lattice.backup.model.validation.internal.Satisfies;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where and how backups are stored ({@code spec.storage}); configures the Velero
 * BackupStorageLocation.
 *
 * <p>Exactly the block of the chosen provider is set ({@code s3} for {@code s3} and {@code
 * s3Compatible}), and at most one credential source.
 *
 * @param provider the storage provider; required (null only in an unvalidated store)
 * @param s3 S3 or S3-compatible configuration
 * @param gcs Google Cloud Storage configuration
 * @param azure Azure Blob Storage configuration
 * @param cloudProviderRef the name of a Lattice CloudProvider whose credentials are used
 * @param credentialsSecretRef the name of a Secret, in the store's namespace, holding credentials
 */
// The constraint is for Bean Validation providers, which read it reflectively (the module opens its
// package); no caller names it, so it is not exported.
@SuppressWarnings("exports")
@ConsistentStorage
public record BackupStorageSpec(
    @NotNull(message = "Required value") @Nullable BackupStorageProvider provider,
    Optional<@Valid S3StorageConfig> s3,
    Optional<@Valid GcsStorageConfig> gcs,
    Optional<@Valid AzureStorageConfig> azure,
    @Satisfies(FieldRule.REFERENCE) Optional<String> cloudProviderRef,
    @Satisfies(FieldRule.REFERENCE) Optional<String> credentialsSecretRef) {

  /**
   * Normalises absent optionals to {@link Optional#empty()}.
   *
   * @param provider the storage provider; required (null only in an unvalidated store)
   * @param s3 S3 or S3-compatible configuration
   * @param gcs Google Cloud Storage configuration
   * @param azure Azure Blob Storage configuration
   * @param cloudProviderRef the name of a Lattice CloudProvider whose credentials are used
   * @param credentialsSecretRef the name of a Secret, in the store's namespace, holding credentials
   */
  public BackupStorageSpec {
    s3 = Objects.requireNonNullElse(s3, Optional.empty());
    gcs = Objects.requireNonNullElse(gcs, Optional.empty());
    azure = Objects.requireNonNullElse(azure, Optional.empty());
    cloudProviderRef = Objects.requireNonNullElse(cloudProviderRef, Optional.empty());
    credentialsSecretRef = Objects.requireNonNullElse(credentialsSecretRef, Optional.empty());
  }

  /**
   * Native Amazon S3 storage.
   *
   * @param config the S3 block
   * @return the storage spec
   */
  public static BackupStorageSpec s3(S3StorageConfig config) {
    return of(BackupStorageProvider.S3).withS3(config);
  }

  /**
   * S3-compatible storage (MinIO, Ceph, …).
   *
   * @param config the S3 block, with endpoint and path style
   * @return the storage spec
   */
  public static BackupStorageSpec s3Compatible(S3StorageConfig config) {
    return of(BackupStorageProvider.S3_COMPATIBLE).withS3(config);
  }

  /**
   * Google Cloud Storage.
   *
   * @param config the GCS block
   * @return the storage spec
   */
  public static BackupStorageSpec gcs(GcsStorageConfig config) {
    return of(BackupStorageProvider.GCS).withGcs(config);
  }

  /**
   * Azure Blob Storage.
   *
   * @param config the Azure block
   * @return the storage spec
   */
  public static BackupStorageSpec azure(AzureStorageConfig config) {
    return of(BackupStorageProvider.AZURE).withAzure(config);
  }

  /**
   * A spec naming only the provider; add its block with the {@code with…} methods.
   *
   * @param provider the provider
   * @return the storage spec
   */
  public static BackupStorageSpec of(@Nullable BackupStorageProvider provider) {
    return new BackupStorageSpec(
        provider,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * A copy with another provider.
   *
   * @param value the provider
   * @return the copy
   */
  public BackupStorageSpec withProvider(@Nullable BackupStorageProvider value) {
    return new BackupStorageSpec(value, s3, gcs, azure, cloudProviderRef, credentialsSecretRef);
  }

  /**
   * A copy with the S3 block set, or cleared when {@code value} is null.
   *
   * @param value the S3 block, or null
   * @return the copy
   */
  public BackupStorageSpec withS3(@Nullable S3StorageConfig value) {
    return new BackupStorageSpec(
        provider, Optional.ofNullable(value), gcs, azure, cloudProviderRef, credentialsSecretRef);
  }

  /**
   * A copy with the GCS block set, or cleared when {@code value} is null.
   *
   * @param value the GCS block, or null
   * @return the copy
   */
  public BackupStorageSpec withGcs(@Nullable GcsStorageConfig value) {
    return new BackupStorageSpec(
        provider, s3, Optional.ofNullable(value), azure, cloudProviderRef, credentialsSecretRef);
  }

  /**
   * A copy with the Azure block set, or cleared when {@code value} is null.
   *
   * @param value the Azure block, or null
   * @return the copy
   */
  public BackupStorageSpec withAzure(@Nullable AzureStorageConfig value) {
    return new BackupStorageSpec(
        provider, s3, gcs, Optional.ofNullable(value), cloudProviderRef, credentialsSecretRef);
  }

  /**
   * A copy with the CloudProvider reference set, or cleared when {@code value} is null.
   *
   * @param value the CloudProvider name, or null
   * @return the copy
   */
  public BackupStorageSpec withCloudProviderRef(@Nullable String value) {
    return new BackupStorageSpec(
        provider, s3, gcs, azure, Optional.ofNullable(value), credentialsSecretRef);
  }

  /**
   * A copy with the credentials Secret reference set, or cleared when {@code value} is null.
   *
   * @param value the Secret name, or null
   * @return the copy
   */
  public BackupStorageSpec withCredentialsSecretRef(@Nullable String value) {
    return new BackupStorageSpec(
        provider, s3, gcs, azure, cloudProviderRef, Optional.ofNullable(value));
  }

  /**
   * The storage, with the references shown only when their rule accepts them (a refused value may
   * be a credential).
   */
  @Override
  public String toString() {
    return "BackupStorageSpec[provider="
        + provider
        + ", s3="
        + s3
        + ", gcs="
        + gcs
        + ", azure="
        + azure
        + ", cloudProviderRef="
        + Shown.value(FieldRule.REFERENCE, cloudProviderRef)
        + ", credentialsSecretRef="
        + Shown.value(FieldRule.REFERENCE, credentialsSecretRef)
        + "]";
  }
}
