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

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.lattice.backup.model.validation.internal.FieldRule;
import dev.lattice.backup.model.validation.internal.Satisfies;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The part of Kubernetes object metadata a BackupStore controller needs, immutable; converts to and
 * from fabric8's mutable {@link ObjectMeta} without loss for these fields.
 *
 * <p>Labels and annotations are kept sorted by key, so that writing them is deterministic.
 *
 * @param name the object name, a DNS-1123 subdomain; required (null only in an unvalidated object)
 * @param namespace the namespace, a DNS-1123 label; empty for an object not yet placed in one
 * @param uid the unique id the API server assigned
 * @param generation the spec generation, increased by the API server on every spec change
 * @param resourceVersion the opaque version used for optimistic concurrency
 * @param creationTimestamp when the API server created the object
 * @param deletionTimestamp when deletion was requested; present while finalizers hold the object
 * @param labels the labels, sorted by key; never null
 * @param annotations the annotations, sorted by key; never null
 * @param finalizers the finalizers, in order; never null
 */
public record ObjectMetadata(
    @NotNull(message = "Required value") @Satisfies(FieldRule.DNS1123_SUBDOMAIN)
        @Nullable String name,
    @Satisfies(FieldRule.DNS1123_LABEL) Optional<String> namespace,
    Optional<String> uid,
    Optional<Long> generation,
    Optional<String> resourceVersion,
    Optional<Instant> creationTimestamp,
    Optional<Instant> deletionTimestamp,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<String> finalizers) {

  /**
   * Normalises absent values and copies the collections into unmodifiable ones.
   *
   * @param name the object name, a DNS-1123 subdomain; required (null only in an unvalidated
   *     object)
   * @param namespace the namespace, a DNS-1123 label; empty for an object not yet placed in one
   * @param uid the unique id the API server assigned
   * @param generation the spec generation, increased by the API server on every spec change
   * @param resourceVersion the opaque version used for optimistic concurrency
   * @param creationTimestamp when the API server created the object
   * @param deletionTimestamp when deletion was requested; present while finalizers hold the object
   * @param labels the labels, sorted by key; never null
   * @param annotations the annotations, sorted by key; never null
   * @param finalizers the finalizers, in order; never null
   */
  public ObjectMetadata {
    namespace = Objects.requireNonNullElse(namespace, Optional.empty());
    uid = Objects.requireNonNullElse(uid, Optional.empty());
    generation = Objects.requireNonNullElse(generation, Optional.empty());
    resourceVersion = Objects.requireNonNullElse(resourceVersion, Optional.empty());
    creationTimestamp = Objects.requireNonNullElse(creationTimestamp, Optional.empty());
    deletionTimestamp = Objects.requireNonNullElse(deletionTimestamp, Optional.empty());
    labels = SortedStringMap.copyOf(labels);
    annotations = SortedStringMap.copyOf(annotations);
    finalizers = finalizers == null ? List.of() : List.copyOf(finalizers);
  }

  /**
   * Metadata with a name and nothing else; add a namespace with {@link #withNamespace}: {@code
   * ObjectMetadata.named("prod").withNamespace("team-a")}. (One argument, so that a name and a
   * namespace cannot be swapped.)
   *
   * @param name the name
   * @return the metadata
   */
  public static ObjectMetadata named(String name) {
    return builder().name(name).build();
  }

  /**
   * A builder with nothing set.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this metadata's values, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.namespace = namespace.orElse(null);
    b.uid = uid.orElse(null);
    b.generation = generation.orElse(null);
    b.resourceVersion = resourceVersion.orElse(null);
    b.creationTimestamp = creationTimestamp.orElse(null);
    b.deletionTimestamp = deletionTimestamp.orElse(null);
    b.labels = labels;
    b.annotations = annotations;
    b.finalizers = finalizers;
    return b;
  }

  /**
   * A copy in another namespace.
   *
   * @param value the namespace, or null for none
   * @return the copy
   */
  public ObjectMetadata withNamespace(@Nullable String value) {
    return toBuilder().namespace(value).build();
  }

  /**
   * {@code namespace/name}, or the name alone without a namespace.
   *
   * @return the key
   */
  public String key() {
    String n = Objects.requireNonNullElse(name, "");
    return namespace.map(ns -> ns + "/" + n).orElse(n);
  }

  /**
   * Whether deletion was requested.
   *
   * @return true when a deletion timestamp is set
   */
  @JsonIgnore
  public boolean isBeingDeleted() {
    return deletionTimestamp.isPresent();
  }

  /**
   * Converts from fabric8's metadata, keeping the fields this record has. Timestamps must be RFC
   * 3339, as the API server writes them.
   *
   * @param meta the fabric8 metadata
   * @return the immutable metadata
   * @throws IllegalArgumentException when a timestamp cannot be read
   */
  public static ObjectMetadata fromFabric8(ObjectMeta meta) {
    return builder()
        .name(meta.getName())
        .namespace(meta.getNamespace())
        .uid(meta.getUid())
        .generation(meta.getGeneration())
        .resourceVersion(meta.getResourceVersion())
        .creationTimestamp(
            meta.getCreationTimestamp() == null
                ? null
                : Condition.parseTime(meta.getCreationTimestamp()))
        .deletionTimestamp(
            meta.getDeletionTimestamp() == null
                ? null
                : Condition.parseTime(meta.getDeletionTimestamp()))
        .labels(meta.getLabels())
        .annotations(meta.getAnnotations())
        .finalizers(meta.getFinalizers())
        .build();
  }

  /**
   * Converts to new fabric8 metadata that the caller may change freely. Empty label and annotation
   * maps become null, as the API server returns them.
   *
   * @return the fabric8 metadata
   */
  public ObjectMeta toFabric8() {
    ObjectMeta out = new ObjectMeta();
    out.setName(name);
    out.setNamespace(namespace.orElse(null));
    out.setUid(uid.orElse(null));
    out.setGeneration(generation.orElse(null));
    out.setResourceVersion(resourceVersion.orElse(null));
    out.setCreationTimestamp(creationTimestamp.map(Instant::toString).orElse(null));
    out.setDeletionTimestamp(deletionTimestamp.map(Instant::toString).orElse(null));
    out.setLabels(labels.isEmpty() ? null : new TreeMap<>(labels));
    out.setAnnotations(annotations.isEmpty() ? null : new TreeMap<>(annotations));
    out.setFinalizers(new ArrayList<>(finalizers));
    return out;
  }

  /** Builds {@link ObjectMetadata}; a null argument clears the field. Not thread-safe. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String namespace;
    private @Nullable String uid;
    private @Nullable Long generation;
    private @Nullable String resourceVersion;
    private @Nullable Instant creationTimestamp;
    private @Nullable Instant deletionTimestamp;
    // Immutable (shared, never written) until the first label()/annotation(), then a TreeMap.
    private Map<String, String> labels = SortedStringMap.copyOf(null);
    private Map<String, String> annotations = SortedStringMap.copyOf(null);
    // Never written in place: an immutable list, or the builder's own copy of the caller's.
    private List<String> finalizers = List.of();

    private Builder() {}

    /**
     * Sets the name.
     *
     * @param value the name
     * @return this builder
     */
    public Builder name(@Nullable String value) {
      this.name = value;
      return this;
    }

    /**
     * Sets the namespace.
     *
     * @param value the namespace
     * @return this builder
     */
    public Builder namespace(@Nullable String value) {
      this.namespace = value;
      return this;
    }

    /**
     * Sets the uid.
     *
     * @param value the uid
     * @return this builder
     */
    public Builder uid(@Nullable String value) {
      this.uid = value;
      return this;
    }

    /**
     * Sets the generation.
     *
     * @param value the generation
     * @return this builder
     */
    public Builder generation(@Nullable Long value) {
      this.generation = value;
      return this;
    }

    /**
     * Sets the resource version.
     *
     * @param value the resource version
     * @return this builder
     */
    public Builder resourceVersion(@Nullable String value) {
      this.resourceVersion = value;
      return this;
    }

    /**
     * Sets the creation timestamp.
     *
     * @param value the creation time
     * @return this builder
     */
    public Builder creationTimestamp(@Nullable Instant value) {
      this.creationTimestamp = value;
      return this;
    }

    /**
     * Sets the deletion timestamp.
     *
     * @param value the deletion time
     * @return this builder
     */
    public Builder deletionTimestamp(@Nullable Instant value) {
      this.deletionTimestamp = value;
      return this;
    }

    /**
     * Replaces the labels.
     *
     * @param value the labels
     * @return this builder
     */
    public Builder labels(@Nullable Map<String, String> value) {
      this.labels = SortedStringMap.copyOf(value);
      return this;
    }

    /**
     * Adds one label.
     *
     * @param key the label key
     * @param value the label value
     * @return this builder
     */
    public Builder label(String key, String value) {
      this.labels = put(this.labels, key, value);
      return this;
    }

    /**
     * Replaces the annotations.
     *
     * @param value the annotations
     * @return this builder
     */
    public Builder annotations(@Nullable Map<String, String> value) {
      this.annotations = SortedStringMap.copyOf(value);
      return this;
    }

    /**
     * Adds one annotation.
     *
     * @param key the annotation key
     * @param value the annotation value
     * @return this builder
     */
    public Builder annotation(String key, String value) {
      this.annotations = put(this.annotations, key, value);
      return this;
    }

    /**
     * Replaces the finalizers.
     *
     * @param value the finalizers
     * @return this builder
     */
    public Builder finalizers(@Nullable List<String> value) {
      this.finalizers = value == null ? List.of() : new ArrayList<>(value);
      return this;
    }

    /** The map with one more entry: written in place once it is this builder's own tree. */
    private static Map<String, String> put(Map<String, String> map, String key, String value) {
      TreeMap<String, String> tree =
          map instanceof TreeMap<String, String> own ? own : new TreeMap<>(map);
      tree.put(key, value);
      return tree;
    }

    /**
     * Builds the metadata.
     *
     * @return the immutable metadata
     */
    public ObjectMetadata build() {
      return new ObjectMetadata(
          name,
          Optional.ofNullable(namespace),
          Optional.ofNullable(uid),
          Optional.ofNullable(generation),
          Optional.ofNullable(resourceVersion),
          Optional.ofNullable(creationTimestamp),
          Optional.ofNullable(deletionTimestamp),
          labels,
          annotations,
          finalizers);
    }
  }
}
