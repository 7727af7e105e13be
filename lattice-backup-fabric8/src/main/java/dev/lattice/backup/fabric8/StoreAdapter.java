package dev.lattice.backup.fabric8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.model.io.BackupStoreReadException;
import dev.lattice.backup.reconcile.port.BackupStorePort;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.translate.StoreKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@link BackupStorePort} over fabric8: generic resources, status subresource, merge patches. */
final class StoreAdapter implements BackupStorePort {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BackupStoreCodec CODEC = BackupStoreCodec.lenient();

  private final KubernetesClient client;

  StoreAdapter(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public List<BackupStore> list(Set<String> namespaces) throws PortException {
    List<GenericKubernetesResource> items = new ArrayList<>();
    if (namespaces.isEmpty()) {
      items.addAll(
          Failures.call(
              "list BackupStores",
              true,
              () ->
                  client
                      .genericKubernetesResources(Resources.BACKUP_STORES)
                      .inAnyNamespace()
                      .list()
                      .getItems()));
    } else {
      for (String ns : namespaces) {
        items.addAll(
            Failures.call(
                "list BackupStores in " + ns,
                true,
                () ->
                    client
                        .genericKubernetesResources(Resources.BACKUP_STORES)
                        .inNamespace(ns)
                        .list()
                        .getItems()));
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
   */
  static BackupStore toModel(GenericKubernetesResource item) {
    ObjectMetadata meta = ObjectMetadata.fromFabric8(item.getMetadata());
    ObjectNode tree = JSON.valueToTree(item);
    tree.remove("metadata");
    tree.set("metadata", JSON.createObjectNode().put("name", meta.name()));
    try {
      return CODEC.fromTree(tree).withMetadata(meta);
    } catch (BackupStoreReadException e) {
      tree.remove("spec");
      try {
        return CODEC.fromTree(tree).withMetadata(meta).withSpec(null);
      } catch (BackupStoreReadException again) {
        return new BackupStore(
            BackupStore.API_VERSION, BackupStore.KIND, meta, null, Optional.empty());
      }
    }
  }

  @Override
  public String patchStatus(
      StoreKey key, Optional<String> resourceVersion, BackupStoreStatus status)
      throws PortException {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    resourceVersion.ifPresent(rv -> patch.putObject("metadata").put("resourceVersion", rv));
    patch.set("status", statusPatch(status));
    GenericKubernetesResource out =
        Failures.call(
            "patch status of BackupStore " + key,
            true,
            () ->
                store(key)
                    .subresource("status")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString()));
    return version(out);
  }

  /**
   * The status as a merge patch: every field present, absent ones as {@code null} so that a merge
   * patch clears them.
   */
  static ObjectNode statusPatch(BackupStoreStatus status) {
    BackupStore carrier =
        new BackupStore(
            BackupStore.API_VERSION,
            BackupStore.KIND,
            ObjectMetadata.of("ns", "name"),
            null,
            Optional.of(status));
    JsonNode written = CODEC.toTree(carrier).path("status");
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String field :
        List.of("phase", "veleroBslName", "conditions", "message", "observedGeneration")) {
      JsonNode value = written.get(field);
      if (value == null || value.isNull()) {
        out.putNull(field);
      } else {
        out.set(field, value);
      }
    }
    return out;
  }

  @Override
  public String addFinalizer(StoreKey key, Optional<String> resourceVersion, String finalizer)
      throws PortException {
    GenericKubernetesResource current = current(key);
    List<String> finalizers = new ArrayList<>(finalizersOf(current));
    if (finalizers.contains(finalizer)) {
      return version(current);
    }
    finalizers.add(finalizer);
    return version(patchFinalizers(key, resourceVersion, current, finalizers));
  }

  @Override
  public Optional<String> removeFinalizer(
      StoreKey key, Optional<String> resourceVersion, String finalizer) throws PortException {
    GenericKubernetesResource current = current(key);
    List<String> finalizers = new ArrayList<>(finalizersOf(current));
    if (!finalizers.remove(finalizer)) {
      return Optional.of(version(current));
    }
    GenericKubernetesResource out = patchFinalizers(key, resourceVersion, current, finalizers);
    boolean gone =
        out == null
            || (out.getMetadata().getDeletionTimestamp() != null && finalizersOf(out).isEmpty());
    return gone ? Optional.empty() : Optional.of(version(out));
  }

  /**
   * Replaces the finalizer list with a merge patch that carries the resourceVersion, so that the
   * API server refuses it (409) when the list changed since it was read.
   */
  private @Nullable GenericKubernetesResource patchFinalizers(
      StoreKey key,
      Optional<String> resourceVersion,
      GenericKubernetesResource current,
      List<String> finalizers)
      throws PortException {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    ObjectNode metadata = patch.putObject("metadata");
    metadata.put("resourceVersion", resourceVersion.orElse(version(current)));
    ArrayNode list = metadata.putArray("finalizers");
    finalizers.forEach(list::add);
    return Failures.call(
        "patch finalizers of BackupStore " + key,
        true,
        () -> store(key).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString()));
  }

  private GenericKubernetesResource current(StoreKey key) throws PortException {
    GenericKubernetesResource current =
        Failures.call("get BackupStore " + key, true, () -> store(key).get());
    if (current == null) {
      throw new PortException(new PortFailure.NotFound("BackupStore " + key + " not found"));
    }
    return current;
  }

  private Resource<GenericKubernetesResource> store(StoreKey key) {
    return client
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(key.namespace())
        .withName(key.name());
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
