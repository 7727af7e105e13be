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
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.validation.BackupStoreValidator;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.internal.Endpoint;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslLabels;
import dev.lattice.backup.translate.bsl.BslSpec;
import dev.lattice.backup.translate.bsl.ObjectStorage;
import dev.lattice.backup.translate.bsl.SecretKeyRef;
import dev.lattice.backup.translate.defaults.DefaultSelection;
import dev.lattice.backup.translate.defaults.ForeignBsl;
import dev.lattice.backup.translate.internal.defaults.DefaultSelector;
import dev.lattice.backup.translate.internal.names.BslNames;
import dev.lattice.backup.translate.internal.resolve.StoreResolver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

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
    return translate(store, options, BslNames::bslName);
  }

  private static TranslationResult translate(
      BackupStore store, TranslationOptions options, Namer namer) {
    List<FieldError> errors = validate(store, options);
    if (!errors.isEmpty()) {
      return new TranslationResult.Rejected(errors);
    }
    return translateValid(store, options, namer);
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
    // One pass over the stores, in input order, so each is read once and where it lies: translate
    // it, note whether it asks to be the default, and hand its key to KeyOrder, which copies what
    // it needs while the store is at hand. Then order the keys; a key held by several stores is a
    // duplicate, whose translations are dropped. The plan's sorted map is built from the ordered
    // slots in one linear pass.
    int n = stores.size();
    TranslationResult[] translated = new TranslationResult[n];
    List<BackupStore> asking = new ArrayList<>();
    KeyOrder.Builder ordering = new KeyOrder.Builder(n);
    for (int i = 0; i < n; i++) {
      BackupStore store = stores.get(i);
      translated[i] = translate(store, options, namer);
      if (store.spec() != null && store.spec().isDefault()) {
        asking.add(store);
      }
      ordering.add(StoreKey.of(store));
    }
    KeyOrder order = ordering.build();
    StoreKey[] keys = new StoreKey[n];
    TranslationResult[] results = new TranslationResult[n];
    int[] input = new int[n];
    Set<StoreKey> invalid = new HashSet<>();
    int size = 0;
    for (int p = 0; p < n; ) {
      StoreKey key = order.key(p);
      TranslationResult result = translated[order.inputIndex(p)];
      int next = p + 1;
      while (next < n && order.repeatsPrevious(next)) {
        next++;
      }
      if (next - p > 1) {
        result = duplicate(key);
      }
      if (result instanceof TranslationResult.Rejected) {
        invalid.add(key);
      }
      keys[size] = key;
      results[size] = result;
      input[size] = order.inputIndex(p);
      size++;
      p = next;
    }
    SortedMap<StoreKey, StoreKey> conflicts =
        refuseNameConflicts(keys, results, input, size, stores, invalid);
    // Only the stores that ask to be the default can be candidates; the selector skips the rest.
    DefaultSelection selection = DefaultSelector.select(asking, foreign, options, invalid);
    Optional<StoreKey> winner = selection.winner();
    if (winner.isPresent()) {
      int at = Arrays.binarySearch(keys, 0, size, winner.get());
      if (at >= 0 && results[at] instanceof TranslationResult.Translated t) {
        results[at] = new TranslationResult.Translated(t.bsl().withDefault(true), t.mirror());
      }
    }
    return new TranslationPlan(new SortedRun<>(keys, results, size), selection, conflicts);
  }

  /**
   * Finds translated stores whose BSL names are equal and rejects all but the oldest of each name.
   * Names are almost always distinct, so the common case is one hash map of the names.
   */
  private static SortedMap<StoreKey, StoreKey> refuseNameConflicts(
      StoreKey[] keys,
      TranslationResult[] results,
      int[] input,
      int size,
      List<BackupStore> stores,
      Set<StoreKey> invalid) {
    Map<String, Integer> first = new HashMap<>(size * 2);
    List<Integer> clashing = new ArrayList<>(0);
    for (int slot = 0; slot < size; slot++) {
      if (results[slot] instanceof TranslationResult.Translated t) {
        Integer previous = first.putIfAbsent(t.bsl().name(), slot);
        if (previous != null) {
          clashing.add(previous);
          clashing.add(slot);
        }
      }
    }
    TreeMap<StoreKey, StoreKey> conflicts = new TreeMap<>();
    if (clashing.isEmpty()) {
      return conflicts;
    }
    Map<String, List<Integer>> byName = new TreeMap<>();
    for (int slot : clashing) {
      String name = ((TranslationResult.Translated) results[slot]).bsl().name();
      List<Integer> group = byName.computeIfAbsent(name, k -> new ArrayList<>());
      if (!group.contains(slot)) {
        group.add(slot);
      }
    }
    Comparator<Integer> older =
        Comparator.comparing(
                (Integer slot) ->
                    Optional.ofNullable(stores.get(input[slot]).metadata())
                        .flatMap(ObjectMetadata::creationTimestamp)
                        .orElse(Instant.MAX))
            .thenComparing(slot -> keys[slot]);
    for (Map.Entry<String, List<Integer>> group : byName.entrySet()) {
      List<Integer> slots = new ArrayList<>(group.getValue());
      slots.sort(older);
      StoreKey holder = keys[slots.get(0)];
      for (int slot : slots.subList(1, slots.size())) {
        conflicts.put(keys[slot], holder);
        invalid.add(keys[slot]);
        results[slot] =
            new TranslationResult.Rejected(
                List.of(
                    FieldError.of(
                        "metadata.name",
                        FieldError.Type.FORBIDDEN,
                        "this store's BackupStorageLocation name "
                            + group.getKey()
                            + " is already BackupStore "
                            + holder
                            + "'s: two stores never share a location; rename this store")));
      }
    }
    return conflicts;
  }

  /** The rejection of every store whose namespace and name another store also has. */
  private static TranslationResult duplicate(StoreKey key) {
    return new TranslationResult.Rejected(
        List.of(
            FieldError.of(
                "metadata.name",
                FieldError.Type.DUPLICATE,
                key.toString(),
                "another BackupStore has the same namespace and name")));
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
    return StoreResolver.resolve(storeRef, requesterNamespace, stores, selection, options);
  }

  /** Translates a store that passed {@link #validate}: every required field is present. */
  private static TranslationResult translateValid(
      BackupStore store, TranslationOptions options, Namer namer) {
    ObjectMetadata meta = Objects.requireNonNull(store.metadata());
    String namespace = meta.namespace().orElseThrow();
    String name = Objects.requireNonNull(meta.name());
    BackupStorageSpec storage =
        Objects.requireNonNull(Objects.requireNonNull(store.spec()).storage());
    BackupStorageProvider provider = Objects.requireNonNull(storage.provider());
    String bslName = namer.bslName(namespace, name, options.platformNamespace());

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

    ObjectMetadata.Builder bslMeta =
        ObjectMetadata.builder()
            .name(bslName)
            .namespace(options.veleroNamespace())
            .labels(BslLabels.labels(namespace, name))
            .annotations(BslLabels.annotations(namespace, name));
    BslSpec spec =
        new BslSpec(
            options.providerNaming().spell(plugin),
            new ObjectStorage(bucket, Optional.of(bslName)),
            config,
            credential,
            false);
    return new TranslationResult.Translated(
        new BackupStorageLocation(bslMeta.build(), spec), mirror);
  }
}
