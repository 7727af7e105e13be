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
package dev.lattice.backup.josdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.io.BackupStoreCodec;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code lattice.dev/v1alpha1} BackupStore as a typed fabric8 custom resource, the primary
 * resource of the Java Operator SDK controller. Spec and status are held as the JSON the API server
 * sent and read as the model ({@link #toModel()}), because the model's records are read by
 * lattice-backup's own codec, not by the client's Jackson mapper: a store whose spec does not fit
 * the model still reaches the reconciler (which reports it in the status) instead of failing the
 * informer.
 */
@Group(BackupStore.GROUP)
@Version(BackupStore.VERSION)
@Kind(BackupStore.KIND)
@Plural(BackupStore.PLURAL)
public final class BackupStoreResource
    extends CustomResource<BackupStoreResource.Spec, BackupStoreResource.Status>
    implements Namespaced {
  private static final long serialVersionUID = 1L;
  private static final BackupStoreCodec CODEC = BackupStoreCodec.lenient();

  /** An empty resource, for the client and the framework. */
  public BackupStoreResource() {}

  /**
   * This resource as the model, read leniently as the fabric8 adapter reads stores: a spec that
   * does not fit the model is dropped (the reconciler then reports the store as invalid), a status
   * that does not fit is dropped too.
   *
   * @return the store
   */
  public BackupStore toModel() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.put("apiVersion", BackupStore.API_VERSION);
    tree.put("kind", BackupStore.KIND);
    Spec spec = getSpec();
    if (spec != null) {
      tree.set("spec", spec.json());
    }
    Status status = getStatus();
    if (status != null) {
      tree.set("status", status.json());
    }
    return CODEC.fromClusterObject(tree, ObjectMetadata.fromFabric8(getMetadata()));
  }

  /** The spec, as the JSON object the API server holds; {@link #toModel()} reads it. */
  public static final class Spec {
    private final ObjectNode json;

    /**
     * A spec from its JSON.
     *
     * @param json the JSON object
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Spec(ObjectNode json) {
      this.json = Objects.requireNonNull(json, "json").deepCopy();
    }

    /**
     * The JSON, a copy.
     *
     * @return the JSON object
     */
    @JsonValue
    public ObjectNode json() {
      return json.deepCopy();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Spec s && s.json.equals(json);
    }

    @Override
    public int hashCode() {
      return json.hashCode();
    }

    @Override
    public String toString() {
      return "Spec" + json;
    }
  }

  /** The status, as the JSON object the API server holds; written from the model's status. */
  public static final class Status {
    private final ObjectNode json;

    /**
     * A status from its JSON.
     *
     * @param json the JSON object
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Status(ObjectNode json) {
      this.json = Objects.requireNonNull(json, "json").deepCopy();
    }

    /**
     * The JSON of a model status, as the CRD holds it.
     *
     * @param status the status
     * @return the resource's status
     */
    public static Status of(BackupStoreStatus status) {
      BackupStore carrier =
          new BackupStore(
              BackupStore.API_VERSION,
              BackupStore.KIND,
              ObjectMetadata.builder().name("status").build(),
              null,
              Optional.of(status));
      JsonNode tree = CODEC.toTree(carrier).path("status");
      return new Status(tree instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode());
    }

    /**
     * The JSON, a copy.
     *
     * @return the JSON object
     */
    @JsonValue
    public ObjectNode json() {
      return json.deepCopy();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Status s && s.json.equals(json);
    }

    @Override
    public int hashCode() {
      return json.hashCode();
    }

    @Override
    public String toString() {
      return "Status" + json;
    }
  }
}
