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
package dev.lattice.backup.fabric8.adapter.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.reconcile.port.BackupStorePort;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.translate.StoreKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** {@link BackupStorePort} over fabric8: generic resources, status subresource, merge patches. */
public final class StoreAdapter implements BackupStorePort {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BackupStoreCodec CODEC = BackupStoreCodec.lenient();

  private final KubernetesClient client;
  private final Function<StoreKey, Optional<GenericKubernetesResource>> cached;
  private final Writes writes;

  /**
   * An adapter that reads a store before writing it and tells nobody of its writes.
   *
   * @param client the client
   */
  public StoreAdapter(KubernetesClient client) {
    this(client, key -> Optional.empty(), Writes.NONE);
  }

  /**
   * An adapter that writes from a cached copy when the copy is the version the caller observed,
   * instead of reading the store first.
   *
   * @param client the client
   * @param cached a store's cached object, as the API server sent it, when there is one
   * @param writes told of every write
   */
  public StoreAdapter(
      KubernetesClient client,
      Function<StoreKey, Optional<GenericKubernetesResource>> cached,
      Writes writes) {
    this.client = client;
    this.cached = cached;
    this.writes = writes;
  }

  @Override
  public List<BackupStore> list(Set<String> namespaces) throws PortException {
    List<GenericKubernetesResource> items = new ArrayList<>();
    if (namespaces.isEmpty()) {
      items.addAll(
          Failures.call(
              "list BackupStores", true, () -> stores().inAnyNamespace().list().getItems()));
    } else {
      for (String ns : namespaces) {
        items.addAll(
            Failures.call(
                "list BackupStores in " + ns,
                true,
                () -> stores().inNamespace(ns).list().getItems()));
      }
    }
    List<BackupStore> out = new ArrayList<>(items.size());
    for (GenericKubernetesResource item : items) {
      out.add(toModel(item));
    }
    return out;
  }

  /**
   * The model of a resource read from the cluster. A store whose spec does not fit the model (the
   * CRD's schema should prevent that) is returned without spec, so that it reports the problem in
   * its status rather than disappearing.
   *
   * @param item the resource
   * @return the store
   */
  public static BackupStore toModel(GenericKubernetesResource item) {
    ObjectNode tree = JSON.valueToTree(item);
    tree.remove("metadata");
    return CODEC.fromClusterObject(tree, ObjectMetadata.fromFabric8(item.getMetadata()));
  }

  @Override
  public String patchStatus(
      StoreKey key, Optional<String> resourceVersion, BackupStoreStatus status)
      throws PortException {
    GenericKubernetesResource current = current(key, resourceVersion);
    GenericKubernetesResource updated = copy(current);
    updated.setAdditionalProperty("status", JSON.convertValue(statusTree(status), Map.class));
    GenericKubernetesResource out =
        Failures.call(
            "update status of BackupStore " + key,
            true,
            () ->
                stores()
                    .inNamespace(key.namespace())
                    .resource(updated)
                    .subresource("status")
                    .update());
    return wrote(key, out);
  }

  private String wrote(StoreKey key, @Nullable GenericKubernetesResource out) {
    String version = version(out);
    writes.wrote(
        Writes.Kind.STORE,
        key.toString(),
        out == null ? Optional.empty() : Optional.of(version),
        Optional.of(key));
    return version;
  }

  /** The status as the JSON the CRD holds. */
  static JsonNode statusTree(BackupStoreStatus status) {
    BackupStore carrier =
        new BackupStore(
            BackupStore.API_VERSION,
            BackupStore.KIND,
            ObjectMetadata.named("name").withNamespace("ns"),
            null,
            Optional.of(status));
    return CODEC.toTree(carrier).path("status");
  }

  @Override
  public String addFinalizer(StoreKey key, Optional<String> resourceVersion, String finalizer)
      throws PortException {
    GenericKubernetesResource current = current(key, resourceVersion);
    List<String> finalizers = new ArrayList<>(finalizersOf(current));
    if (finalizers.contains(finalizer)) {
      return version(current);
    }
    finalizers.add(finalizer);
    return wrote(key, updateFinalizers(key, current, finalizers));
  }

  @Override
  public Optional<String> removeFinalizer(
      StoreKey key, Optional<String> resourceVersion, String finalizer) throws PortException {
    GenericKubernetesResource current = current(key, resourceVersion);
    List<String> finalizers = new ArrayList<>(finalizersOf(current));
    if (!finalizers.remove(finalizer)) {
      return Optional.of(version(current));
    }
    GenericKubernetesResource out = updateFinalizers(key, current, finalizers);
    boolean gone =
        out == null
            || (out.getMetadata().getDeletionTimestamp() != null && finalizersOf(out).isEmpty());
    if (gone) {
      // The API server deleted the store and answered with its last stored version: the cache has
      // caught up with this write when it no longer holds the store, not when it holds that version
      // (a pass planned from that version would remove the finalizer again).
      writes.wrote(Writes.Kind.STORE, key.toString(), Optional.empty(), Optional.of(key));
      return Optional.empty();
    }
    return Optional.of(wrote(key, out));
  }

  /**
   * Writes the finalizer list with an update that carries the resourceVersion read, so that the API
   * server refuses it (409) when the object changed since.
   */
  private @Nullable GenericKubernetesResource updateFinalizers(
      StoreKey key, GenericKubernetesResource current, List<String> finalizers)
      throws PortException {
    GenericKubernetesResource updated = copy(current);
    updated.getMetadata().setFinalizers(finalizers);
    return Failures.call(
        "update finalizers of BackupStore " + key,
        true,
        () -> stores().inNamespace(key.namespace()).resource(updated).update());
  }

  /**
   * The store as it is now; a Conflict when it is no longer at the version the caller planned from.
   */
  private GenericKubernetesResource current(StoreKey key, Optional<String> resourceVersion)
      throws PortException {
    if (resourceVersion.isPresent()) {
      Optional<GenericKubernetesResource> copy =
          cached.apply(key).filter(c -> resourceVersion.get().equals(version(c)));
      if (copy.isPresent()) {
        return copy.get();
      }
    }
    GenericKubernetesResource current = current(key);
    if (resourceVersion.isPresent() && !resourceVersion.get().equals(version(current))) {
      throw new PortException(
          new PortFailure.Conflict(
              "BackupStore "
                  + key
                  + " changed since it was read (resourceVersion "
                  + resourceVersion.get()
                  + ", now "
                  + version(current)
                  + ")"));
    }
    return current;
  }

  private static GenericKubernetesResource copy(GenericKubernetesResource r) {
    return JSON.convertValue(r, GenericKubernetesResource.class);
  }

  private GenericKubernetesResource current(StoreKey key) throws PortException {
    GenericKubernetesResource current =
        Failures.call("get BackupStore " + key, true, () -> store(key).get());
    if (current == null) {
      throw new PortException(new PortFailure.NotFound("BackupStore " + key + " not found"));
    }
    return current;
  }

  private MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      stores() {
    return client.genericKubernetesResources(Requests.BACKUP_STORES);
  }

  private Resource<GenericKubernetesResource> store(StoreKey key) {
    return stores().inNamespace(key.namespace()).withName(key.name());
  }

  private static List<String> finalizersOf(GenericKubernetesResource r) {
    List<String> f = r.getMetadata() == null ? null : r.getMetadata().getFinalizers();
    return f == null ? List.of() : f;
  }

  private static String version(@Nullable GenericKubernetesResource r) {
    if (r == null || r.getMetadata() == null || r.getMetadata().getResourceVersion() == null) {
      return "";
    }
    return r.getMetadata().getResourceVersion();
  }
}
