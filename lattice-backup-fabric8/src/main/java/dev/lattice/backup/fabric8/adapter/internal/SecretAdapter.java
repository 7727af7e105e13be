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
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.reconcile.port.SecretPort;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BslLabels;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link SecretPort} over fabric8. Mirrored Secrets are created with a plain create and updated
 * with server-side apply (field manager {@value Requests#FIELD_MANAGER}) at the resourceVersion
 * observed; deletes carry that resourceVersion as a precondition. Data is only ever decoded into
 * {@link SecretData}, which never prints its values.
 */
public final class SecretAdapter implements SecretPort {
  private final KubernetesClient client;
  private final String namespace;
  private final Writes writes;

  /**
   * An adapter that tells nobody of its writes.
   *
   * @param client the client
   * @param namespace Velero's namespace, where the mirrored Secrets live
   */
  public SecretAdapter(KubernetesClient client, String namespace) {
    this(client, namespace, Writes.NONE);
  }

  /**
   * An adapter that tells {@code writes} of every write.
   *
   * @param client the client
   * @param namespace Velero's namespace, where the mirrored Secrets live
   * @param writes told of every write
   */
  public SecretAdapter(KubernetesClient client, String namespace, Writes writes) {
    this.client = client;
    this.namespace = namespace;
    this.writes = writes;
  }

  @Override
  public Optional<SecretData> read(String ns, String name) throws PortException {
    Secret secret =
        Failures.call(
            "read Secret " + ns + "/" + name,
            false,
            () -> client.secrets().inNamespace(ns).withName(name).get());
    return Optional.ofNullable(secret).map(SecretAdapter::data);
  }

  @Override
  public List<MirroredSecret> listMirrored() throws PortException {
    List<Secret> items =
        Failures.call(
            "list mirrored Secrets in " + namespace,
            false,
            () ->
                client
                    .secrets()
                    .inNamespace(namespace)
                    .withLabel(BslLabels.MANAGED_BY, BslLabels.MANAGER)
                    .list()
                    .getItems());
    List<MirroredSecret> out = new ArrayList<>(items.size());
    for (Secret s : items) {
      out.add(new MirroredSecret(ObjectMetadata.fromFabric8(s.getMetadata()), data(s)));
    }
    return out;
  }

  @Override
  public Optional<ObjectMetadata> find(String name) throws PortException {
    Secret secret =
        Failures.call(
            "read Secret " + namespace + "/" + name,
            false,
            () -> client.secrets().inNamespace(namespace).withName(name).get());
    return Optional.ofNullable(secret).map(s -> ObjectMetadata.fromFabric8(s.getMetadata()));
  }

  /**
   * Creates (refused with 409 when the name is taken, whose fields then pass to our server-side
   * apply: {@link ApplyOwnership}) or, at the version observed, server-side applies the mirrored
   * Secret (the resourceVersion in the body is a precondition).
   */
  @Override
  public void applyMirrored(MirroredSecret secret, Optional<String> resourceVersion)
      throws PortException {
    Map<String, String> encoded = new TreeMap<>();
    secret.data().toMap().forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v)));
    Secret resource =
        new SecretBuilder()
            .withApiVersion("v1")
            .withKind("Secret")
            .withMetadata(secret.metadata().toFabric8())
            .editMetadata()
            .withNamespace(namespace)
            .withResourceVersion(resourceVersion.orElse(null))
            .endMetadata()
            .withType("Opaque")
            .withData(encoded)
            .build();
    Secret written =
        CreateOrApply.write(
            client,
            "Secret " + namespace + "/" + secret.name(),
            false,
            "/api/v1/namespaces/" + namespace + "/secrets",
            secret.name(),
            resource,
            Secret.class,
            resourceVersion,
            () -> client.secrets().inNamespace(namespace).resource(resource));
    writes.wrote(
        Writes.Kind.SECRET,
        secret.name(),
        Optional.ofNullable(written).map(w -> w.getMetadata().getResourceVersion()),
        BslLabels.owner(secret.metadata()).flatMap(StoreKey::parse));
  }

  @Override
  public void deleteMirrored(String name, String resourceVersion) throws PortException {
    Failures.call(
        "delete Secret " + namespace + "/" + name,
        false,
        () ->
            client
                .secrets()
                .inNamespace(namespace)
                .withName(name)
                .lockResourceVersion(resourceVersion)
                .delete());
    writes.wrote(Writes.Kind.SECRET, name, Optional.empty(), Optional.empty());
  }

  /**
   * A Secret's data, decoded: {@code data} and {@code stringData} (which wins).
   *
   * @param secret the Secret
   * @return its data
   */
  public static SecretData data(Secret secret) {
    Map<String, byte[]> out = new TreeMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> out.put(k, Base64.getDecoder().decode(v)));
    }
    if (secret.getStringData() != null) {
      secret
          .getStringData()
          .forEach((k, v) -> out.put(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return SecretData.of(out);
  }
}
