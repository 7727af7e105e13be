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
package dev.lattice.backup.translate.bsl;

import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.translate.StoreKey;
import java.util.Map;
import java.util.Optional;

/**
 * The labels and annotation that mark a BSL as managed by this library and point back to its
 * BackupStore. A BSL without {@link #MANAGED_BY} = {@link #MANAGER} is foreign and never touched.
 */
public final class BslLabels {
  /** The standard managed-by label key. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** The managed-by value of every BSL (and mirrored Secret) this library writes. */
  public static final String MANAGER = "lattice-backup";

  /** Label: the store's namespace (always at most 63 characters). */
  public static final String STORE_NAMESPACE = "lattice.dev/backup-store-namespace";

  /** Label: the store's name, present only when it is at most 63 characters. */
  public static final String STORE_NAME = "lattice.dev/backup-store-name";

  /** Annotation: the store's full {@code namespace/name}, always present. */
  public static final String STORE = "lattice.dev/backup-store";

  private static final int MAX_LABEL_VALUE = 63;

  private BslLabels() {}

  /**
   * Marks an object as managed by this library for a store: the managed-by label, the store's
   * namespace (and name, when it fits a label value) as labels, and {@code namespace/name} as the
   * annotation.
   *
   * @param meta the builder of the object's metadata
   * @param namespace the store's namespace
   * @param name the store's name
   * @return the same builder
   */
  public static ObjectMetadata.Builder ownedBy(
      ObjectMetadata.Builder meta, String namespace, String name) {
    labels(namespace, name).forEach(meta::label);
    annotations(namespace, name).forEach(meta::annotation);
    return meta;
  }

  /**
   * The labels {@link #ownedBy} adds: the managed-by label, the store's namespace, and its name
   * when it fits a label value.
   *
   * @param namespace the store's namespace
   * @param name the store's name
   * @return the labels, immutable
   */
  public static Map<String, String> labels(String namespace, String name) {
    return name.length() <= MAX_LABEL_VALUE
        ? Map.of(MANAGED_BY, MANAGER, STORE_NAMESPACE, namespace, STORE_NAME, name)
        : Map.of(MANAGED_BY, MANAGER, STORE_NAMESPACE, namespace);
  }

  /**
   * The annotations {@link #ownedBy} adds: the store's {@code namespace/name}.
   *
   * @param namespace the store's namespace
   * @param name the store's name
   * @return the annotations, immutable
   */
  public static Map<String, String> annotations(String namespace, String name) {
    return Map.of(STORE, namespace + "/" + name);
  }

  /**
   * Whether an object carries our managed-by label.
   *
   * @param metadata the object's metadata
   * @return true for objects this library manages
   */
  public static boolean isManaged(ObjectMetadata metadata) {
    return MANAGER.equals(metadata.labels().get(MANAGED_BY));
  }

  /**
   * The {@code namespace/name} of the store a managed object belongs to.
   *
   * @param metadata the object's metadata
   * @return the store's key as written in the annotation, or empty for a foreign object
   */
  public static Optional<String> owner(ObjectMetadata metadata) {
    return isManaged(metadata)
        ? Optional.ofNullable(metadata.annotations().get(STORE))
        : Optional.empty();
  }

  /**
   * The store a managed object belongs to, when its metadata proves it: our managed-by label, an
   * annotation of the form {@code namespace/name}, and store labels that, where present, agree with
   * it (a label someone removed is put back by the next apply; a label that names another store is
   * a contradiction). Anything else (a foreign object, or one labelled as ours whose annotation is
   * missing, malformed or contradicted) belongs to no store and must not be written or deleted.
   *
   * @param metadata the object's metadata
   * @return the owning store's key, or empty when the metadata does not prove one
   */
  public static Optional<StoreKey> provenOwner(ObjectMetadata metadata) {
    Optional<StoreKey> key = owner(metadata).flatMap(StoreKey::parse);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    String namespaceLabel = metadata.labels().get(STORE_NAMESPACE);
    String nameLabel = metadata.labels().get(STORE_NAME);
    if ((namespaceLabel != null && !namespaceLabel.equals(key.get().namespace()))
        || (nameLabel != null && !nameLabel.equals(key.get().name()))) {
      return Optional.empty();
    }
    return key;
  }
}
