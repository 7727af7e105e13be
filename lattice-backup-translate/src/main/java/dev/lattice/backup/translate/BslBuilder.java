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
package dev.lattice.backup.translate;

import dev.lattice.backup.model.AzureStorageConfig;
import dev.lattice.backup.model.BackupStorageProvider;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslLabels;
import dev.lattice.backup.translate.bsl.BslSpec;
import dev.lattice.backup.translate.bsl.ObjectStorage;
import dev.lattice.backup.translate.bsl.SecretKeyRef;
import dev.lattice.backup.translate.internal.names.BslNames;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Translates one store into its BackupStorageLocation, and the Secret to mirror when the store
 * names one: the provider mapping that {@link Translator} documents (plugin, bucket, config), the
 * credential the BSL points at, and the BSL's name, labels and annotations. The BSL's {@code
 * default} is false: only the plan decides the default.
 */
final class BslBuilder {
  private BslBuilder() {}

  /**
   * Where a provider's objects go in Velero's terms.
   *
   * @param plugin the plugin, before {@link ProviderNaming} spells it
   * @param bucket the bucket (or Azure container)
   * @param config the plugin's config, sorted by key
   */
  private record PluginTarget(String plugin, String bucket, Map<String, String> config) {}

  /**
   * The credential a BSL points at.
   *
   * @param mirror the copy of the store's Secret to make in Velero's namespace, if any
   * @param secretRef the Secret key the BSL names, if any
   */
  private record Credential(Optional<CredentialMirror> mirror, Optional<SecretKeyRef> secretRef) {}

  /**
   * Validates the store and translates it when it is valid.
   *
   * @param store the store
   * @param options the options
   * @param namer how the BSL's name is derived
   * @return the BSL (and any Secret to mirror), or every problem with the store
   */
  static TranslationResult translate(
      BackupStore store, TranslationOptions options, Translator.Namer namer) {
    List<FieldError> errors = TranslationValidator.validate(store, options);
    if (!errors.isEmpty()) {
      return new TranslationResult.Rejected(errors);
    }
    return translateValid(store, options, namer);
  }

  /** Translates a store that passed validation: every required field is present. */
  private static TranslationResult translateValid(
      BackupStore store, TranslationOptions options, Translator.Namer namer) {
    ObjectMetadata meta = Objects.requireNonNull(store.metadata());
    String namespace = meta.namespace().orElseThrow();
    String name = Objects.requireNonNull(meta.name());
    BackupStorageSpec storage =
        Objects.requireNonNull(Objects.requireNonNull(store.spec()).storage());
    String bslName = namer.bslName(namespace, name, options.platformNamespace());
    PluginTarget target = target(storage, options);
    Credential credential = credential(storage, namespace, bslName, options);

    ObjectMetadata.Builder bslMeta =
        ObjectMetadata.builder()
            .name(bslName)
            .namespace(options.veleroNamespace())
            .labels(BslLabels.labels(namespace, name))
            .annotations(BslLabels.annotations(namespace, name));
    BslSpec spec =
        new BslSpec(
            options.providerNaming().spell(target.plugin()),
            new ObjectStorage(target.bucket(), Optional.of(bslName)),
            target.config(),
            credential.secretRef(),
            false);
    return new TranslationResult.Translated(
        new BackupStorageLocation(bslMeta.build(), spec), credential.mirror());
  }

  /** The plugin, bucket and config of a valid store's provider. */
  private static PluginTarget target(BackupStorageSpec storage, TranslationOptions options) {
    BackupStorageProvider provider = Objects.requireNonNull(storage.provider());
    Map<String, String> config = new TreeMap<>();
    String plugin;
    String bucket;
    switch (provider) {
      case S3 -> {
        S3StorageConfig s3 = storage.s3().orElseThrow();
        plugin = "aws";
        bucket = Objects.requireNonNull(s3.bucket());
        config.put("region", s3.region().orElseThrow());
        if (s3.endpoint().isPresent()) {
          config.put("s3Url", s3.endpoint().get());
        }
        if (s3.forcePathStyle().isPresent()) {
          config.put("s3ForcePathStyle", s3.forcePathStyle().get().toString());
        }
      }
      case S3_COMPATIBLE -> {
        S3StorageConfig s3 = storage.s3().orElseThrow();
        plugin = "aws";
        bucket = Objects.requireNonNull(s3.bucket());
        config.put("region", s3.region().orElse(options.pathStyleRegion()));
        config.put("s3Url", s3.endpoint().orElseThrow());
        config.put("s3ForcePathStyle", s3.forcePathStyle().orElseThrow().toString());
      }
      case GCS -> {
        GcsStorageConfig gcs = storage.gcs().orElseThrow();
        plugin = "gcp";
        bucket = Objects.requireNonNull(gcs.bucket());
      }
      case AZURE -> {
        AzureStorageConfig azure = storage.azure().orElseThrow();
        plugin = "azure";
        bucket = Objects.requireNonNull(azure.container());
        config.put("storageAccount", azure.storageAccount().orElseThrow());
      }
      default -> throw new IllegalStateException("unknown provider " + provider);
    }
    return new PluginTarget(plugin, bucket, config);
  }

  /**
   * The credential of a valid store: its own Secret (mirrored into Velero's namespace unless the
   * store lives there), a CloudProvider's Secret, or none (Velero's default credentials).
   */
  private static Credential credential(
      BackupStorageSpec storage, String namespace, String bslName, TranslationOptions options) {
    Optional<CredentialMirror> mirror = Optional.empty();
    Optional<SecretKeyRef> credential = Optional.empty();
    if (storage.credentialsSecretRef().isPresent()) {
      String secret = storage.credentialsSecretRef().get();
      if (namespace.equals(options.veleroNamespace())) {
        credential = Optional.of(new SecretKeyRef(secret, options.credentialKey()));
      } else {
        String target = BslNames.mirrorSecretName(bslName);
        mirror =
            Optional.of(
                new CredentialMirror(
                    namespace, secret, options.credentialKey(), options.veleroNamespace(), target));
        credential = Optional.of(new SecretKeyRef(target, options.credentialKey()));
      }
    } else if (storage.cloudProviderRef().isPresent()) {
      credential =
          Optional.of(
              options.cloudProviderCredentials().secretFor(storage.cloudProviderRef().get()));
    }
    return new Credential(mirror, credential);
  }
}
