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

import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.BslPort;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.VeleroPhase;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslJson;
import dev.lattice.backup.translate.bsl.BslLabels;
import dev.lattice.backup.translate.bsl.BslSpec;
import dev.lattice.backup.translate.bsl.ObjectStorage;
import dev.lattice.backup.translate.bsl.SecretKeyRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@link BslPort} over fabric8: BSLs as generic resources in Velero's namespace, created with a
 * plain create and updated with server-side apply (field manager {@value Requests#FIELD_MANAGER})
 * at the resourceVersion observed, so this library owns exactly the fields it sends, Velero's
 * status stays Velero's, and an object that is not the one observed is never written. {@code
 * spec.default} is written only by {@link #setDefault}, under field manager {@value
 * Requests#DEFAULT_FIELD_MANAGER}.
 */
public final class BslAdapter implements BslPort {
  private final KubernetesClient client;
  private final String namespace;
  private final Writes writes;

  /**
   * An adapter that tells nobody of its writes.
   *
   * @param client the client
   * @param namespace Velero's namespace
   */
  public BslAdapter(KubernetesClient client, String namespace) {
    this(client, namespace, Writes.NONE);
  }

  /**
   * An adapter that tells {@code writes} of every write.
   *
   * @param client the client
   * @param namespace Velero's namespace
   * @param writes told of every write
   */
  public BslAdapter(KubernetesClient client, String namespace, Writes writes) {
    this.client = client;
    this.namespace = namespace;
    this.writes = writes;
  }

  @Override
  public List<ObservedBsl> list() throws PortException {
    List<GenericKubernetesResource> items =
        Failures.call(
            "list BackupStorageLocations in " + namespace,
            true,
            () -> locations().list().getItems());
    List<ObservedBsl> out = new ArrayList<>(items.size());
    for (GenericKubernetesResource item : items) {
      out.add(observe(item));
    }
    return out;
  }

  /**
   * Creates (a plain create, refused with 409 when the name is taken, whose fields then pass to our
   * server-side apply: {@link ApplyOwnership}) or, at the version observed, server-side applies the
   * BSL (the resourceVersion in the body is a precondition). {@code spec.default} is never sent:
   * only {@link #setDefault} writes it, under another field manager, so that an apply neither sets
   * nor clears the default.
   */
  @Override
  public void apply(BackupStorageLocation desired, Optional<String> resourceVersion)
      throws PortException {
    GenericKubernetesResource resource = BslJson.toGeneric(desired);
    resource.getMetadata().setNamespace(namespace);
    if (resource.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec) {
      spec.remove("default");
    }
    resourceVersion.ifPresent(v -> resource.getMetadata().setResourceVersion(v));
    GenericKubernetesResource written =
        CreateOrApply.write(
            client,
            "BackupStorageLocation " + desired.name(),
            true,
            collection(),
            desired.name(),
            resource,
            GenericKubernetesResource.class,
            resourceVersion,
            () -> locations().resource(resource));
    writes.wrote(
        Writes.Kind.BSL,
        desired.name(),
        Optional.ofNullable(written).map(w -> w.getMetadata().getResourceVersion()),
        BslLabels.owner(ObjectMetadata.fromFabric8(resource.getMetadata()))
            .flatMap(StoreKey::parse));
  }

  @Override
  public void setDefault(String name, boolean value, String resourceVersion) throws PortException {
    String patch =
        "{\"metadata\":{\"resourceVersion\":"
            + Requests.JSON.valueToTree(resourceVersion)
            + "},\"spec\":{\"default\":"
            + value
            + "}}";
    GenericKubernetesResource out =
        Failures.call(
            "set default of BackupStorageLocation " + name,
            true,
            () ->
                Requests.patch(
                    client,
                    path(name) + "?fieldManager=" + Requests.DEFAULT_FIELD_MANAGER,
                    "application/merge-patch+json",
                    patch,
                    GenericKubernetesResource.class));
    if (out == null) {
      throw new PortException(
          new PortFailure.NotFound(
              "BackupStorageLocation " + namespace + "/" + name + " not found"));
    }
    writes.wrote(
        Writes.Kind.BSL,
        name,
        Optional.ofNullable(out.getMetadata().getResourceVersion()),
        BslLabels.owner(ObjectMetadata.fromFabric8(out.getMetadata())).flatMap(StoreKey::parse));
  }

  @Override
  public void delete(String name, String resourceVersion) throws PortException {
    Failures.call(
        "delete BackupStorageLocation " + name,
        true,
        () -> locations().withName(name).lockResourceVersion(resourceVersion).delete());
    writes.wrote(Writes.Kind.BSL, name, Optional.empty(), Optional.empty());
  }

  private String collection() {
    return "/apis/velero.io/v1/namespaces/" + namespace + "/backupstoragelocations";
  }

  private String path(String name) {
    return collection() + "/" + name;
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      locations() {
    return client
        .genericKubernetesResources(Requests.BACKUP_STORAGE_LOCATIONS)
        .inNamespace(namespace);
  }

  /** A {@code {name, key}} object, or empty when either is missing or not a string. */
  private static Optional<SecretKeyRef> secretKeyRef(@Nullable Object value) {
    Map<?, ?> ref = map(value);
    return ref.get("name") instanceof String n && ref.get("key") instanceof String k
        ? Optional.of(new SecretKeyRef(n, k))
        : Optional.empty();
  }

  /**
   * The fields this library owns, read leniently from any BSL (ours or foreign: unknown fields are
   * ignored, missing ones read as empty), and Velero's status.
   *
   * @param item the BSL as a generic resource
   * @return what the planner reads of it
   */
  public static ObservedBsl observe(GenericKubernetesResource item) {
    ObjectMetadata meta = ObjectMetadata.fromFabric8(item.getMetadata());
    Map<?, ?> spec = map(item.getAdditionalProperties().get("spec"));
    Map<?, ?> storage = map(spec.get("objectStorage"));
    Map<String, String> config = new TreeMap<>();
    map(spec.get("config")).forEach((k, v) -> config.put(String.valueOf(k), String.valueOf(v)));
    BslSpec owned =
        new BslSpec(
            text(spec.get("provider")),
            new ObjectStorage(
                text(storage.get("bucket")),
                storage.get("prefix") instanceof String p ? Optional.of(p) : Optional.empty(),
                secretKeyRef(storage.get("caCertRef"))),
            config,
            secretKeyRef(spec.get("credential")),
            Boolean.TRUE.equals(spec.get("default")));
    Map<?, ?> status = map(item.getAdditionalProperties().get("status"));
    Optional<VeleroPhase> phase = Optional.empty();
    for (VeleroPhase p : VeleroPhase.values()) {
      if (p.wireValue().equals(status.get("phase"))) {
        phase = Optional.of(p);
      }
    }
    Optional<String> message =
        status.get("message") instanceof String m && !m.isEmpty()
            ? Optional.of(m)
            : Optional.empty();
    return new ObservedBsl(meta, owned, phase, message);
  }

  private static Map<?, ?> map(@Nullable Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  private static String text(@Nullable Object value) {
    return value instanceof String s ? s : "";
  }
}
