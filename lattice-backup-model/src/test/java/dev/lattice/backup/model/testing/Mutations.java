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
package dev.lattice.backup.model.testing;

import dev.lattice.backup.model.AzureStorageConfig;
import dev.lattice.backup.model.BackupStorageProvider;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.arbitraries.ModelArbitraries;
import dev.lattice.backup.model.validation.internal.FieldRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Single-rule mutations of a valid store: each breaks exactly one rule of the validation table and
 * names the one field path that must then be reported.
 */
public final class Mutations {
  private Mutations() {}

  /** A mutated store and the only path validation may report for it. */
  public record Mutated(BackupStore store, String expectedPath, String rule) {
    @Override
    public String toString() {
      return rule + " -> " + expectedPath;
    }
  }

  public static Arbitrary<Mutated> of(BackupStore valid) {
    List<Arbitrary<Mutated>> options = new ArrayList<>();
    BackupStorageSpec storage = valid.spec().storage();
    BackupStorageProvider provider = storage.provider();

    options.add(
        Arbitraries.strings()
            .ofMaxLength(30)
            .filter(v -> !v.equals(BackupStore.API_VERSION))
            .map(
                v ->
                    mutated(
                        new BackupStore(
                            v, valid.kind(), valid.metadata(), valid.spec(), valid.status()),
                        "apiVersion",
                        "apiVersion")));
    options.add(
        Arbitraries.just(
            mutated(
                new BackupStore(null, valid.kind(), valid.metadata(), valid.spec(), valid.status()),
                "apiVersion",
                "apiVersion required")));
    options.add(
        Arbitraries.strings()
            .ofMaxLength(30)
            .filter(v -> !v.equals(BackupStore.KIND))
            .map(
                v ->
                    mutated(
                        new BackupStore(
                            valid.apiVersion(), v, valid.metadata(), valid.spec(), valid.status()),
                        "kind",
                        "kind")));
    options.add(
        badSubdomain()
            .map(
                n ->
                    mutated(
                        valid.withMetadata(valid.metadata().toBuilder().name(n).build()),
                        "metadata.name",
                        "name format")));
    options.add(
        Arbitraries.just(
            mutated(
                valid.withMetadata(valid.metadata().toBuilder().name(null).build()),
                "metadata.name",
                "name required")));
    options.add(
        badLabel()
            .map(
                n ->
                    mutated(
                        valid.withMetadata(valid.metadata().withNamespace(n)),
                        "metadata.namespace",
                        "namespace format")));
    options.add(
        Arbitraries.just(
            mutated(
                valid.withSpec(valid.spec().withStorage(null)),
                "spec.storage",
                "storage required")));
    options.add(Arbitraries.just(mutated(valid.withSpec(null), "spec", "spec required")));
    options.add(
        Arbitraries.just(
            mutated(
                withStorage(valid, storage.withProvider(null)),
                "spec.storage.provider",
                "provider required")));

    // provider <-> block
    if (!provider.usesS3Block()) {
      options.add(
          ModelArbitraries.s3Bucket()
              .map(
                  b ->
                      mutated(
                          withStorage(valid, storage.withS3(S3StorageConfig.of(b))),
                          "spec.storage.s3",
                          "foreign s3 block")));
    }
    if (provider != BackupStorageProvider.GCS) {
      options.add(
          ModelArbitraries.gcsBucket()
              .map(
                  b ->
                      mutated(
                          withStorage(valid, storage.withGcs(GcsStorageConfig.of(b))),
                          "spec.storage.gcs",
                          "foreign gcs block")));
    }
    if (provider != BackupStorageProvider.AZURE) {
      options.add(
          ModelArbitraries.azureContainer()
              .map(
                  c ->
                      mutated(
                          withStorage(valid, storage.withAzure(AzureStorageConfig.of(c))),
                          "spec.storage.azure",
                          "foreign azure block")));
    }
    String own =
        provider.usesS3Block() ? "s3" : provider == BackupStorageProvider.GCS ? "gcs" : "azure";
    options.add(
        Arbitraries.just(
            mutated(
                withStorage(
                    valid,
                    storage
                        .withS3(provider.usesS3Block() ? null : storage.s3().orElse(null))
                        .withGcs(
                            provider == BackupStorageProvider.GCS
                                ? null
                                : storage.gcs().orElse(null))
                        .withAzure(
                            provider == BackupStorageProvider.AZURE
                                ? null
                                : storage.azure().orElse(null))),
                "spec.storage." + own,
                "own block missing")));

    // s3 block
    storage
        .s3()
        .ifPresent(
            s3 -> {
              options.add(
                  badS3Bucket()
                      .map(
                          b ->
                              mutated(
                                  withStorage(valid, storage.withS3(s3.withBucket(b))),
                                  "spec.storage.s3.bucket",
                                  "s3 bucket format")));
              options.add(
                  Arbitraries.just(
                      mutated(
                          withStorage(valid, storage.withS3(s3.withBucket(null))),
                          "spec.storage.s3.bucket",
                          "s3 bucket required")));
              options.add(
                  badRegion()
                      .map(
                          r ->
                              mutated(
                                  withStorage(valid, storage.withS3(s3.withRegion(r))),
                                  "spec.storage.s3.region",
                                  "region format")));
              options.add(
                  badEndpoint()
                      .map(
                          e ->
                              mutated(
                                  withStorage(valid, storage.withS3(s3.withEndpoint(e))),
                                  "spec.storage.s3.endpoint",
                                  "endpoint format")));
              if (provider == BackupStorageProvider.S3) {
                options.add(
                    Arbitraries.just(
                        mutated(
                            withStorage(valid, storage.withS3(s3.withRegion(null))),
                            "spec.storage.s3.region",
                            "region required for s3")));
              } else {
                options.add(
                    Arbitraries.just(
                        mutated(
                            withStorage(valid, storage.withS3(s3.withEndpoint(null))),
                            "spec.storage.s3.endpoint",
                            "endpoint required for s3Compatible")));
                options.add(
                    Arbitraries.just(
                        mutated(
                            withStorage(valid, storage.withS3(s3.withForcePathStyle(null))),
                            "spec.storage.s3.forcePathStyle",
                            "forcePathStyle required for s3Compatible")));
              }
            });
    storage
        .gcs()
        .ifPresent(
            gcs -> {
              options.add(
                  badGcsBucket()
                      .map(
                          b ->
                              mutated(
                                  withStorage(valid, storage.withGcs(GcsStorageConfig.of(b))),
                                  "spec.storage.gcs.bucket",
                                  "gcs bucket format")));
              options.add(
                  Arbitraries.just(
                      mutated(
                          withStorage(valid, storage.withGcs(GcsStorageConfig.of(null))),
                          "spec.storage.gcs.bucket",
                          "gcs bucket required")));
            });
    storage
        .azure()
        .ifPresent(
            azure -> {
              options.add(
                  badContainer()
                      .map(
                          c ->
                              mutated(
                                  withStorage(
                                      valid,
                                      storage.withAzure(
                                          new AzureStorageConfig(c, azure.storageAccount()))),
                                  "spec.storage.azure.container",
                                  "container format")));
              options.add(
                  Arbitraries.just(
                      mutated(
                          withStorage(
                              valid,
                              storage.withAzure(
                                  new AzureStorageConfig(null, azure.storageAccount()))),
                          "spec.storage.azure.container",
                          "container required")));
              options.add(
                  badStorageAccount()
                      .map(
                          a ->
                              mutated(
                                  withStorage(
                                      valid, storage.withAzure(azure.withStorageAccount(a))),
                                  "spec.storage.azure.storageAccount",
                                  "storage account format")));
            });

    // credentials
    BackupStorageSpec noCredentials =
        storage.withCloudProviderRef(null).withCredentialsSecretRef(null);
    options.add(
        badSubdomain()
            .map(
                r ->
                    mutated(
                        withStorage(valid, noCredentials.withCloudProviderRef(r)),
                        "spec.storage.cloudProviderRef",
                        "cloudProviderRef format")));
    options.add(
        badSubdomain()
            .map(
                r ->
                    mutated(
                        withStorage(valid, noCredentials.withCredentialsSecretRef(r)),
                        "spec.storage.credentialsSecretRef",
                        "credentialsSecretRef format")));
    options.add(
        ModelArbitraries.dnsSubdomain(60)
            .map(
                r ->
                    mutated(
                        withStorage(
                            valid,
                            noCredentials.withCloudProviderRef(r).withCredentialsSecretRef(r)),
                        "spec.storage",
                        "both credential sources")));
    return Arbitraries.oneOf(options);
  }

  private static Mutated mutated(BackupStore store, String path, String rule) {
    return new Mutated(store, path, rule);
  }

  private static BackupStore withStorage(BackupStore store, BackupStorageSpec storage) {
    return store.withSpec(store.spec().withStorage(storage));
  }

  /**
   * Strings that break one of the value's rules, including the empty string and tricky characters.
   */
  static Arbitrary<String> breaking(FieldRule rule, Arbitrary<String> candidates) {
    return candidates.filter(v -> !rule.accepts(v));
  }

  static Arbitrary<String> noise() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.strings().withChars("aZ0-._{}$\\\"@:/ ").ofMaxLength(12),
        Arbitraries.just(""));
  }

  static Arbitrary<String> badSubdomain() {
    return breaking(
        FieldRule.DNS1123_SUBDOMAIN,
        Arbitraries.oneOf(
            noise(),
            Arbitraries.of("Upper", "-lead", "trail-", "a..b", "under_score", "a.-b"),
            Arbitraries.strings().withChars("abc").ofLength(254)));
  }

  static Arbitrary<String> badLabel() {
    return breaking(
        FieldRule.DNS1123_LABEL,
        Arbitraries.oneOf(
            noise(),
            Arbitraries.of("has.dot", "Upper", "-x", "x-"),
            Arbitraries.strings().withChars("abc").ofLength(64)));
  }

  static Arbitrary<String> badS3Bucket() {
    return breaking(
        FieldRule.S3_BUCKET,
        Arbitraries.oneOf(
            noise(),
            Arbitraries.of(
                "ab",
                "Bucket",
                "-bucket",
                "bucket-",
                "my..bucket",
                "192.168.5.4",
                "xn--bucket",
                "bucket-s3alias",
                "bucket--ol-s3",
                "under_score"),
            Arbitraries.strings().withChars("abc").ofLength(64)));
  }

  static Arbitrary<String> badRegion() {
    return breaking(
        FieldRule.S3_REGION,
        Arbitraries.oneOf(noise(), Arbitraries.of("US-EAST-1", "-us", "us east", "us_east_1")));
  }

  static Arbitrary<String> badEndpoint() {
    return breaking(
        FieldRule.S3_ENDPOINT,
        Arbitraries.oneOf(
            noise(),
            Arbitraries.of(
                "ftp://host",
                "minio:9000",
                "http://",
                "http://user:pass@host",
                "http://host/?a=b",
                "http://host/#frag",
                "/relative/path",
                "http:opaque")));
  }

  static Arbitrary<String> badGcsBucket() {
    return breaking(
        FieldRule.GCS_BUCKET,
        Arbitraries.oneOf(
            noise(),
            Arbitraries.of(
                "ab",
                "googbucket",
                "my-google-bucket",
                "Bucket",
                "-b-",
                "b" + "x".repeat(63),
                "a.b".repeat(80)),
            Arbitraries.strings().withChars("abc").ofLength(64)));
  }

  static Arbitrary<String> badContainer() {
    return breaking(
        FieldRule.AZURE_CONTAINER,
        Arbitraries.oneOf(
            noise(),
            Arbitraries.of("ab", "a--b", "-ab", "ab-", "Abc", "a_b", "a.b"),
            Arbitraries.strings().withChars("abc").ofLength(64)));
  }

  static Arbitrary<String> badStorageAccount() {
    return breaking(
        FieldRule.AZURE_STORAGE_ACCOUNT,
        Arbitraries.oneOf(noise(), Arbitraries.of("ab", "Account", "acc-ount", "a".repeat(25))));
  }

  static Function<BackupStore, Arbitrary<Mutated>> generator() {
    return Mutations::of;
  }
}
