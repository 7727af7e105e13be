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

import dev.lattice.backup.reconcile.port.PortException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ServerSideApplicable;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The write of one object the adapters own (a BSL, a mirrored Secret): a plain create when none was
 * observed, else a server-side apply (field manager {@value Requests#FIELD_MANAGER}) at the version
 * observed, which the body carries; then, when the server's answer shows fields a create wrote, the
 * patch of {@link ApplyOwnership} that makes them our apply's.
 */
final class CreateOrApply {
  private CreateOrApply() {}

  /**
   * Creates or server-side applies {@code resource}, then adopts the fields a create wrote.
   *
   * @param client the client
   * @param object the object, for messages, such as {@code Secret velero/x}
   * @param customType whether the resource is a custom type that may not be installed
   * @param collection the collection's path, such as {@code /api/v1/namespaces/velero/secrets}
   * @param name the object's name in that collection
   * @param resource the object to write, carrying the version observed when there is one
   * @param type the type to read the server's answers as
   * @param resourceVersion the version observed, or empty to create
   * @param applicable the apply of {@code resource}, before its field manager is set
   * @param <T> the object's type
   * @return the object as the server last answered it
   * @throws PortException when a request fails
   */
  static <T extends HasMetadata> @Nullable T write(
      KubernetesClient client,
      String object,
      boolean customType,
      String collection,
      String name,
      T resource,
      Class<T> type,
      Optional<String> resourceVersion,
      Failures.Call<ServerSideApplicable<T>> applicable)
      throws PortException {
    String what = "apply " + object;
    T written;
    if (resourceVersion.isEmpty()) {
      written =
          Failures.call(
              what, customType, () -> Requests.create(client, collection, resource, type));
    } else {
      written =
          Failures.call(
              what,
              customType,
              () ->
                  applicable
                      .run()
                      .fieldManager(Requests.FIELD_MANAGER)
                      .forceConflicts()
                      .serverSideApply());
    }
    Optional<String> adoption =
        ApplyOwnership.adoptionPatch(written == null ? null : written.getMetadata());
    if (adoption.isPresent()) {
      written =
          Failures.call(
              "own the fields of " + object + " by server-side apply",
              customType,
              () ->
                  Requests.patch(
                      client,
                      collection + "/" + name,
                      "application/json-patch+json",
                      adoption.get(),
                      type));
    }
    return written;
  }
}
