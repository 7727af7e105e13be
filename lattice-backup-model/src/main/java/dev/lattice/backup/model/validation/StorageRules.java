package dev.lattice.backup.model.validation;

import dev.lattice.backup.model.BackupStorageProvider;
import dev.lattice.backup.model.BackupStorageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The cross-field rules of {@code spec.storage}, shared by {@link ConsistentStorage} and {@link
 * BackupStoreValidator}.
 */
final class StorageRules {
  private StorageRules() {}

  /** Every cross-field problem of a storage spec, at paths relative to {@code spec.storage}. */
  static List<FieldError> crossField(BackupStorageSpec storage) {
    List<FieldError> out = new ArrayList<>(2);
    BackupStorageProvider provider = storage.provider();
    if (provider != null) {
      String when = "when provider is \"" + provider.wireValue() + "\"";
      block(out, "s3", storage.s3().isPresent(), provider.usesS3Block(), when);
      block(out, "gcs", storage.gcs().isPresent(), provider == BackupStorageProvider.GCS, when);
      block(
          out, "azure", storage.azure().isPresent(), provider == BackupStorageProvider.AZURE, when);
      storage
          .s3()
          .filter(s3 -> provider.usesS3Block())
          .ifPresent(
              s3 -> {
                if (provider == BackupStorageProvider.S3 && s3.region().isEmpty()) {
                  out.add(requiredWhen("s3.region", when));
                }
                if (provider == BackupStorageProvider.S3_COMPATIBLE) {
                  if (s3.endpoint().isEmpty()) {
                    out.add(requiredWhen("s3.endpoint", when));
                  }
                  if (s3.forcePathStyle().isEmpty()) {
                    out.add(requiredWhen("s3.forcePathStyle", when));
                  }
                }
              });
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
      List<FieldError> out, String name, boolean present, boolean wanted, String when) {
    if (wanted && !present) {
      out.add(requiredWhen(name, when));
    } else if (present && !wanted) {
      out.add(FieldError.of(name, FieldError.Type.FORBIDDEN, "may not be set " + when));
    }
  }

  private static FieldError requiredWhen(String path, String when) {
    return FieldError.of(path, FieldError.Type.REQUIRED, "required " + when);
  }
}
