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

import dev.lattice.backup.model.BackupStorageProvider;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.validation.BackupStoreValidator;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.internal.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a store translates: the model's rules, what Velero needs, and the trust boundary
 * of {@link TrustPolicy}. The rules of {@link Translator#validate}, which documents them.
 */
final class TranslationValidator {
  private TranslationValidator() {}

  /**
   * Every problem that keeps a store from translating.
   *
   * @param store the store
   * @param options the platform namespaces and trust policy
   * @return the field errors, empty when the store translates
   */
  static List<FieldError> validate(BackupStore store, TranslationOptions options) {
    List<FieldError> errors = new ArrayList<>(BackupStoreValidator.validate(store));
    ObjectMetadata meta = store.metadata();
    if (meta != null && meta.namespace().isEmpty()) {
      errors.add(
          FieldError.of(
              "metadata.namespace",
              FieldError.Type.REQUIRED,
              "BackupStore is namespaced: a namespace is needed to translate it"));
    }
    BackupStoreSpec spec = store.spec();
    BackupStorageSpec storage = spec == null ? null : spec.storage();
    if (meta != null && meta.namespace().isPresent()) {
      trustBoundary(errors, meta.namespace().get(), storage, options);
    }
    if (storage != null
        && storage.provider() == BackupStorageProvider.AZURE
        && storage.azure().isPresent()
        && storage.azure().get().storageAccount().isEmpty()) {
      errors.add(
          FieldError.of(
              "spec.storage.azure.storageAccount",
              FieldError.Type.REQUIRED,
              "Velero's azure plugin requires storageAccount"));
    }
    return errors;
  }

  /** The rules of {@link TrustPolicy} for a store in {@code namespace}. */
  private static void trustBoundary(
      List<FieldError> errors,
      String namespace,
      @Nullable BackupStorageSpec storage,
      TranslationOptions options) {
    boolean platform = options.isPlatformNamespace(namespace);
    if (!platform && namespace.equals(options.veleroNamespace())) {
      errors.add(
          FieldError.of(
              "metadata.namespace",
              FieldError.Type.FORBIDDEN,
              "BackupStores in Velero's namespace "
                  + namespace
                  + " are refused unless it is a platform namespace: a store there could hand"
                  + " Velero any Secret of that namespace"));
    }
    if (storage == null) {
      return;
    }
    boolean namesCredentials =
        storage.credentialsSecretRef().isPresent() || storage.cloudProviderRef().isPresent();
    if (!namesCredentials && !platform) {
      errors.add(
          FieldError.of(
              "spec.storage.credentialsSecretRef",
              FieldError.Type.REQUIRED,
              "a store outside the platform namespaces must name its credentials: a Secret of"
                  + " namespace "
                  + namespace
                  + " (without one, Velero would use the platform's own credentials)"));
    } else if (!namesCredentials
        && !options.trust().defaultCredentialNamespaces().contains(namespace)) {
      errors.add(
          FieldError.of(
              "spec.storage.credentialsSecretRef",
              FieldError.Type.REQUIRED,
              "name the credentials (credentialsSecretRef or cloudProviderRef): stores in namespace "
                  + namespace
                  + " may not use Velero's default credentials unless the trust policy's"
                  + " defaultCredentialNamespaces lists it"));
    }
    if (storage.cloudProviderRef().isPresent() && !platform && !options.tenantCloudProviders()) {
      errors.add(
          FieldError.of(
              "spec.storage.cloudProviderRef",
              FieldError.Type.FORBIDDEN,
              "only stores in the platform namespaces (such as "
                  + options.platformNamespace()
                  + ") may use a CloudProvider's credentials; use credentialsSecretRef with a"
                  + " Secret of this namespace"));
    }
    Optional<String> endpoint = storage.s3().flatMap(S3StorageConfig::endpoint);
    if (!platform && endpoint.isPresent()) {
      Optional<Endpoint> parsed = Endpoint.parse(endpoint.get());
      Optional<String> problem =
          parsed.flatMap(e -> options.trust().tenantEndpoints().tenantProblem(e));
      if (problem.isPresent()) {
        errors.add(
            FieldError.of("spec.storage.s3.endpoint", FieldError.Type.FORBIDDEN, problem.get()));
      }
    }
  }
}
