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

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * What the adapters send to the API server: the resource types and field managers ({@link
 * dev.lattice.backup.fabric8.adapter.Resources} publishes them), and the two requests fabric8's DSL
 * cannot make, a create and a patch under our field manager.
 */
public final class Requests {
  /** BackupStores, {@code lattice.dev/v1alpha1}, namespaced. */
  public static final ResourceDefinitionContext BACKUP_STORES =
      new ResourceDefinitionContext.Builder()
          .withGroup(BackupStore.GROUP)
          .withVersion(BackupStore.VERSION)
          .withKind(BackupStore.KIND)
          .withPlural(BackupStore.PLURAL)
          .withNamespaced(true)
          .build();

  /** Velero's BackupStorageLocations, {@code velero.io/v1}, namespaced. */
  public static final ResourceDefinitionContext BACKUP_STORAGE_LOCATIONS =
      new ResourceDefinitionContext.Builder()
          .withGroup("velero.io")
          .withVersion("v1")
          .withKind(BackupStorageLocation.KIND)
          .withPlural("backupstoragelocations")
          .withNamespaced(true)
          .build();

  /** The field manager of every server-side apply, {@value}. */
  public static final String FIELD_MANAGER = "lattice-backup";

  /** The field manager of the one field the default writer changes, {@value}. */
  public static final String DEFAULT_FIELD_MANAGER = "lattice-backup-default";

  /** For encoding strings into hand-written JSON patches. */
  static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * A plain create (POST, refused with 409 when the name is taken) recorded under {@link
   * #FIELD_MANAGER}; fabric8's {@code create()} cannot name a field manager.
   *
   * @param client the client
   * @param collection the collection's path, such as {@code /api/v1/namespaces/velero/secrets}
   * @param resource the object to create
   * @param type the type to read the server's answer as
   * @param <T> the object's type
   * @return the object as created
   */
  static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T create(
      io.fabric8.kubernetes.client.KubernetesClient client,
      String collection,
      T resource,
      Class<T> type) {
    String created = client.raw(collection + "?fieldManager=" + FIELD_MANAGER, "POST", resource);
    if (created == null) {
      throw new io.fabric8.kubernetes.client.KubernetesClientException(
          "the server answered 404 to a create at " + collection, 404, null);
    }
    return client.getKubernetesSerialization().unmarshal(created, type);
  }

  /**
   * A PATCH of the object at {@code path}, sent as one request (fabric8's patch reads the object
   * first, which costs a request and a {@code get} permission).
   *
   * @param client the client
   * @param path the object's path, with any query, such as {@code
   *     /api/v1/namespaces/velero/secrets/x}
   * @param contentType the patch's type, such as {@code application/json-patch+json}
   * @param body the patch
   * @param type the type to read the server's answer as
   * @param <T> the object's type
   * @return the patched object (a 404 when there is none is thrown, like any refusal)
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the server refuses, with
   *     its status
   */
  static <T> T patch(
      io.fabric8.kubernetes.client.KubernetesClient client,
      String path,
      String contentType,
      String body,
      Class<T> type) {
    io.fabric8.kubernetes.client.http.HttpClient http = client.getHttpClient();
    String base = client.getMasterUrl().toString().replaceAll("/+$", "");
    io.fabric8.kubernetes.client.http.HttpRequest request =
        http.newHttpRequestBuilder().uri(base + path).method("PATCH", contentType, body).build();
    io.fabric8.kubernetes.client.http.HttpResponse<String> response;
    try {
      response =
          http.sendAsync(request, String.class)
              .get(
                  Math.max(client.getConfiguration().getRequestTimeout(), 1000),
                  java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.fabric8.kubernetes.client.KubernetesClientException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new io.fabric8.kubernetes.client.KubernetesClientException(
          "PATCH " + path + " failed: " + e.getMessage(), e);
    }
    String text = response.body() == null ? "" : response.body();
    if (response.code() >= 300) {
      io.fabric8.kubernetes.api.model.Status status;
      try {
        status =
            client
                .getKubernetesSerialization()
                .unmarshal(text, io.fabric8.kubernetes.api.model.Status.class);
      } catch (RuntimeException e) {
        status =
            new io.fabric8.kubernetes.api.model.StatusBuilder()
                .withCode(response.code())
                .withMessage("PATCH " + path + ": HTTP " + response.code())
                .build();
      }
      if (status.getCode() == null) {
        status.setCode(response.code());
      }
      throw new io.fabric8.kubernetes.client.KubernetesClientException(status);
    }
    return client.getKubernetesSerialization().unmarshal(text, type);
  }

  private Requests() {}
}
