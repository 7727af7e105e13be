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

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.translate.defaults.DefaultSelection;
import dev.lattice.backup.translate.defaults.ForeignBsl;
import dev.lattice.backup.translate.internal.defaults.DefaultSelector;
import dev.lattice.backup.translate.internal.names.BslNames;
import dev.lattice.backup.translate.internal.resolve.StoreResolver;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The translation engine: BackupStore → Velero BackupStorageLocation, default selection and
 * storeRef resolution. Every method is a pure function: no I/O, no clock, no logging, no shared
 * mutable state; the same input gives the same output whatever the order of its collections, and no
 * input makes it throw.
 *
 * <p>Mapping (plugin names spelled as {@link TranslationOptions#providerNaming()} says):
 *
 * <table>
 *   <caption>provider to BSL</caption>
 *   <tr><th>provider</th><th>plugin</th><th>bucket</th><th>config</th></tr>
 *   <tr><td>s3</td><td>aws</td><td>s3.bucket</td><td>region; s3Url = endpoint when set;
 *       s3ForcePathStyle when forcePathStyle is set</td></tr>
 *   <tr><td>s3Compatible</td><td>aws</td><td>s3.bucket</td><td>s3Url; s3ForcePathStyle; region,
 *       else the options' path-style region</td></tr>
 *   <tr><td>gcs</td><td>gcp</td><td>gcs.bucket</td><td>none</td></tr>
 *   <tr><td>azure</td><td>azure</td><td>azure.container</td><td>storageAccount (required)</td></tr>
 * </table>
 *
 * <p>The work is done by package-private classes: {@link TranslationValidator} (the rules), {@link
 * BslBuilder} (one store's BSL), {@link PlanBuilder} and {@link BslNameConflicts} (all stores at
 * once).
 */
public final class Translator {
  /** Config keys Velero's plugins accept, by plugin; a key outside its list breaks the plugin. */
  public static final Map<String, Set<String>> PLUGIN_CONFIG_KEYS =
      Map.of(
          "aws",
          Set.of(
              "region",
              "s3Url",
              "publicUrl",
              "kmsKeyId",
              "customerKeyEncryptionFile",
              "customerKeyEncryptionSecret",
              "s3ForcePathStyle",
              "signatureVersion",
              "credentialsFile",
              "profile",
              "serverSideEncryption",
              "insecureSkipTLSVerify",
              "enableSharedConfig",
              "tagging",
              "checksumAlgorithm",
              "bucket",
              "prefix",
              "caCert"),
          "gcp",
          Set.of(
              "kmsKeyName",
              "serviceAccount",
              "credentialsFile",
              "storeEndpoint",
              "universeDomain",
              "bucket",
              "prefix",
              "caCert"),
          "azure",
          Set.of(
              "resourceGroup",
              "storageAccount",
              "subscriptionId",
              "blockSizeInBytes",
              "activeDirectoryAuthorityURI",
              "storageAccountURI",
              "useAAD",
              "storageAccountKeyEnvVar",
              "credentialsFile",
              "bucket",
              "prefix",
              "caCert"));

  private Translator() {}

  /**
   * Every problem that keeps a store from translating: the model's rules, what Velero needs (a
   * namespace; an Azure storage account), and the trust boundary of {@link TrustPolicy}: a store
   * outside the platform namespaces must name its credentials ({@code credentialsSecretRef}), may
   * not use {@code cloudProviderRef} unless the options allow it, may not live in Velero's
   * namespace, and may point Velero only where {@link TrustPolicy#tenantEndpoints()} allows; a
   * platform store may name no credentials only where the options allow it.
   *
   * @param store the store
   * @param options the platform namespaces and trust policy
   * @return the field errors, empty when the store translates
   */
  public static List<FieldError> validate(BackupStore store, TranslationOptions options) {
    return TranslationValidator.validate(store, options);
  }

  /**
   * The name of the BSL behind a store; see {@link BslNames} for the algorithm.
   *
   * @param namespace the store's namespace
   * @param name the store's name
   * @param options the platform namespace
   * @return the BSL name
   */
  public static String bslName(String namespace, String name, TranslationOptions options) {
    return BslNames.bslName(namespace, name, options.platformNamespace());
  }

  /**
   * Translates one store. The BSL's {@code default} is false: only {@link #translateAll} decides
   * the default, over all stores at once.
   *
   * @param store the store
   * @param options the options
   * @return the BSL (and any Secret to mirror), or every problem with the store
   */
  public static TranslationResult translate(BackupStore store, TranslationOptions options) {
    return BslBuilder.translate(store, options, BslNames::bslName);
  }

  /**
   * Translates every store and selects the default; only the winner's BSL has {@code default:
   * true}. Two stores with the same namespace and name are both rejected. Two stores whose BSL
   * names are equal (which takes a collision of {@link BslNames}' 130-bit hashes) never share a
   * location: the older one (by {@code creationTimestamp}, then namespace and name) keeps the name,
   * the later one is rejected on {@code metadata.name} and listed in {@link
   * TranslationPlan#nameConflicts()}.
   *
   * @param stores every store, in any order
   * @param foreign the BSLs in Velero's namespace that this library does not manage
   * @param options the options
   * @return the plan
   */
  public static TranslationPlan translateAll(
      List<BackupStore> stores, List<ForeignBsl> foreign, TranslationOptions options) {
    return translateAll(stores, foreign, options, BslNames::bslName);
  }

  /** How a store's BSL name is derived: {@link BslNames#bslName}, or a test's weaker function. */
  @FunctionalInterface
  interface Namer {
    String bslName(String namespace, String name, String platformNamespace);
  }

  /** {@link #translateAll(List, List, TranslationOptions)} with the names from {@code namer}. */
  static TranslationPlan translateAll(
      List<BackupStore> stores, List<ForeignBsl> foreign, TranslationOptions options, Namer namer) {
    return PlanBuilder.plan(stores, foreign, options, namer);
  }

  /**
   * Selects the default store; see {@link DefaultSelector} for the rules.
   *
   * @param stores every store, in any order
   * @param foreign the BSLs in Velero's namespace that this library does not manage
   * @param options the platform namespace and foreign default policy
   * @return the selection
   */
  public static DefaultSelection selectDefault(
      List<BackupStore> stores, List<ForeignBsl> foreign, TranslationOptions options) {
    Set<StoreKey> invalid = new HashSet<>(StoreKey.duplicates(stores));
    for (BackupStore store : stores) {
      if (store.spec() != null && store.spec().isDefault() && !validate(store, options).isEmpty()) {
        invalid.add(StoreKey.of(store));
      }
    }
    return DefaultSelector.select(stores, foreign, options, invalid);
  }

  /**
   * Resolves a backup's storeRef; see {@link StoreResolver}.
   *
   * @param storeRef the store's name, or empty for the default
   * @param requesterNamespace the namespace of the backup asking
   * @param stores every store
   * @param selection the default selection over the same stores
   * @param options the platform namespace
   * @return the resolution
   */
  public static Resolution resolve(
      Optional<String> storeRef,
      String requesterNamespace,
      List<BackupStore> stores,
      DefaultSelection selection,
      TranslationOptions options) {
    return new StoreResolver(stores, selection, options).resolve(storeRef, requesterNamespace);
  }
}
