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

import dev.lattice.backup.model.AzureStorageConfig;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.Condition;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.validation.internal.FieldRule;
import dev.lattice.backup.model.validation.internal.PlainMessageInterpolator;
import dev.lattice.backup.model.validation.internal.StorageRules;
import dev.lattice.backup.model.validation.internal.Violations;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Validates a {@link BackupStore} against every rule at once, without a Bean Validation provider:
 * the same rules the records' constraint annotations declare, applied by a direct walk that is
 * cheap enough to run on every reconcile. Pure and thread-safe.
 *
 * <p>Bean Validation users get identical results from their provider ({@link
 * #fromViolations(Collection)} turns its violations into the same {@link FieldError}s). The
 * constraints' messages are plain text: {@link #messageInterpolator()} and {@link
 * #validatorFactory()} spare a provider the Expression Language implementation its default
 * interpolator needs.
 */
public final class BackupStoreValidator {
  private BackupStoreValidator() {}

  /**
   * Every violation of every rule, in field order; empty when the store is valid.
   *
   * @param store the store to check
   * @return the field errors, paths rooted at the store ({@code spec.storage.s3.bucket})
   */
  public static List<FieldError> validate(BackupStore store) {
    List<FieldError> out = new ArrayList<>(0);
    required(out, "apiVersion", store.apiVersion(), FieldRule.API_VERSION);
    required(out, "kind", store.kind(), FieldRule.KIND);
    ObjectMetadata metadata = store.metadata();
    if (metadata == null) {
      out.add(FieldError.required("metadata"));
    } else {
      required(out, "metadata.name", metadata.name(), FieldRule.DNS1123_SUBDOMAIN);
      optional(out, "metadata.namespace", metadata.namespace(), FieldRule.DNS1123_LABEL);
    }
    BackupStoreSpec spec = store.spec();
    if (spec == null) {
      out.add(FieldError.required("spec"));
    } else if (spec.storage() == null) {
      out.add(FieldError.required("spec.storage"));
    } else {
      storage(out, spec.storage());
    }
    store.status().ifPresent(status -> status(out, status));
    return out;
  }

  /**
   * Whether the store breaks no rule.
   *
   * @param store the store to check
   * @return true when {@link #validate(BackupStore)} is empty
   */
  public static boolean isValid(BackupStore store) {
    return validate(store).isEmpty();
  }

  /**
   * Turns Bean Validation violations of a {@link BackupStore} (or of any object of this model) into
   * field errors, sorted by path then message.
   *
   * @param violations what a Bean Validation provider reported
   * @return the field errors
   */
  public static List<FieldError> fromViolations(
      Collection<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(v -> FieldError.parse(Violations.path(v), v.getMessage()))
        .sorted(Comparator.comparing(FieldError::path).thenComparing(FieldError::message))
        .toList();
  }

  /**
   * A Bean Validation message interpolator that needs no Expression Language: it replaces {@code
   * {attribute}} by the constraint's attribute of that name and removes the backslash before an
   * escaped {@code \{ \} \$ \\}; {@code ${...}} expressions are left as written. The model's
   * constraints need nothing more. Hibernate Validator's default interpolator needs a Jakarta EL
   * implementation (version 9 refuses to start without one, earlier versions log {@code HV000183});
   * configure this one instead: {@code
   * Validation.byDefaultProvider().configure().messageInterpolator(messageInterpolator())}.
   *
   * @return an interpolator; stateless and thread-safe
   */
  public static MessageInterpolator messageInterpolator() {
    return new PlainMessageInterpolator();
  }

  /**
   * A validator factory of the default Bean Validation provider with {@link
   * #messageInterpolator()}: its violations, through {@link #fromViolations(Collection)}, are the
   * errors {@link #validate(BackupStore)} gives.
   *
   * @return a new factory; close it when done
   */
  public static ValidatorFactory validatorFactory() {
    return PlainMessageInterpolator.validatorFactory();
  }

  // Plain branches rather than Optional chains with lambdas: this runs for every store on every
  // plan, and each capturing lambda is an allocation.
  private static void storage(List<FieldError> out, BackupStorageSpec storage) {
    final String at = "spec.storage"; // constant: the paths below are joined at compile time
    if (storage.provider() == null) {
      out.add(FieldError.required(at + ".provider"));
    }
    Optional<S3StorageConfig> s3 = storage.s3();
    if (s3.isPresent()) {
      s3(out, s3.get());
    }
    Optional<GcsStorageConfig> gcs = storage.gcs();
    if (gcs.isPresent()) {
      required(out, at + ".gcs.bucket", gcs.get().bucket(), FieldRule.GCS_BUCKET);
    }
    Optional<AzureStorageConfig> azure = storage.azure();
    if (azure.isPresent()) {
      azure(out, azure.get());
    }
    optional(out, at + ".cloudProviderRef", storage.cloudProviderRef(), FieldRule.REFERENCE);
    optional(
        out, at + ".credentialsSecretRef", storage.credentialsSecretRef(), FieldRule.REFERENCE);
    for (FieldError e : StorageRules.crossField(storage)) {
      out.add(e.under(at));
    }
  }

  private static void s3(List<FieldError> out, S3StorageConfig s3) {
    final String at = "spec.storage.s3";
    required(out, at + ".bucket", s3.bucket(), FieldRule.S3_BUCKET);
    optional(out, at + ".region", s3.region(), FieldRule.S3_REGION);
    optional(out, at + ".endpoint", s3.endpoint(), FieldRule.S3_ENDPOINT);
  }

  private static void azure(List<FieldError> out, AzureStorageConfig azure) {
    final String at = "spec.storage.azure";
    required(out, at + ".container", azure.container(), FieldRule.AZURE_CONTAINER);
    optional(out, at + ".storageAccount", azure.storageAccount(), FieldRule.AZURE_STORAGE_ACCOUNT);
  }

  private static void status(List<FieldError> out, BackupStoreStatus status) {
    List<Condition> conditions = status.conditions();
    for (int i = 0; i < conditions.size(); i++) {
      Condition c = conditions.get(i);
      String at = "status.conditions[" + i + "]";
      if (c.type() == null) {
        out.add(FieldError.required(at + ".type"));
      }
      if (c.status() == null) {
        out.add(FieldError.required(at + ".status"));
      }
      if (c.reason() == null) {
        out.add(FieldError.required(at + ".reason"));
      }
      if (c.lastTransitionTime() == null) {
        out.add(FieldError.required(at + ".lastTransitionTime"));
      }
    }
  }

  private static void required(
      List<FieldError> out, String path, @Nullable String value, FieldRule rule) {
    if (value == null) {
      out.add(FieldError.required(path));
    } else {
      check(out, path, value, rule);
    }
  }

  private static void optional(
      List<FieldError> out, String path, Optional<String> value, FieldRule rule) {
    if (value.isPresent()) {
      check(out, path, value.get(), rule);
    }
  }

  private static void check(List<FieldError> out, String path, String value, FieldRule rule) {
    Optional<FieldError> error = rule.check(value);
    if (error.isPresent()) {
      out.add(error.get().under(path));
    }
  }
}
