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
package dev.lattice.backup.model.validation.internal;

import dev.lattice.backup.model.BackupStorageProvider;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.validation.BackupStoreValidator;
import dev.lattice.backup.model.validation.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cross-field rules of {@code spec.storage}, shared by {@link ConsistentStorage} and {@link
 * BackupStoreValidator}; public only because that class is in another package.
 */
public final class StorageRules {
  private StorageRules() {}

  /**
   * Every cross-field problem of a storage spec, at paths relative to {@code spec.storage}.
   *
   * @param storage the storage spec
   * @return the problems, in a fixed order; empty when there is none
   */
  public static List<FieldError> crossField(BackupStorageSpec storage) {
    // Plain branches, no lambdas: this runs for every store on every plan.
    List<FieldError> out = new ArrayList<>(0);
    BackupStorageProvider provider = storage.provider();
    if (provider != null) {
      block(out, "s3", storage.s3().isPresent(), provider.usesS3Block(), provider);
      block(out, "gcs", storage.gcs().isPresent(), provider == BackupStorageProvider.GCS, provider);
      block(
          out,
          "azure",
          storage.azure().isPresent(),
          provider == BackupStorageProvider.AZURE,
          provider);
      Optional<S3StorageConfig> s3 = storage.s3();
      if (s3.isPresent()) {
        S3StorageConfig config = s3.get();
        if (provider == BackupStorageProvider.S3 && config.region().isEmpty()) {
          out.add(requiredWhen("s3.region", provider));
        }
        if (provider == BackupStorageProvider.S3_COMPATIBLE) {
          if (config.endpoint().isEmpty()) {
            out.add(requiredWhen("s3.endpoint", provider));
          }
          if (config.forcePathStyle().isEmpty()) {
            out.add(requiredWhen("s3.forcePathStyle", provider));
          }
        }
      }
    }
    if (storage.cloudProviderRef().isPresent() && storage.credentialsSecretRef().isPresent()) {
      out.add(
          FieldError.of(
              "",
              FieldError.Type.FORBIDDEN,
              "may not set both cloudProviderRef and credentialsSecretRef: choose one credential"
                  + " source"));
    }
    return out;
  }

  private static void block(
      List<FieldError> out,
      String name,
      boolean present,
      boolean wanted,
      BackupStorageProvider provider) {
    if (wanted && !present) {
      out.add(requiredWhen(name, provider));
    } else if (present && !wanted) {
      out.add(FieldError.of(name, FieldError.Type.FORBIDDEN, "may not be set " + when(provider)));
    }
  }

  /** The condition's words, built only for an error: this runs on every store. */
  private static String when(BackupStorageProvider provider) {
    return "when provider is \"" + provider.wireValue() + "\"";
  }

  private static FieldError requiredWhen(String path, BackupStorageProvider provider) {
    return FieldError.of(path, FieldError.Type.REQUIRED, "required " + when(provider));
  }
}
