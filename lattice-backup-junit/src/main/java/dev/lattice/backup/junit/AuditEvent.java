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
package dev.lattice.backup.junit;

import java.util.Optional;

/**
 * One request as the API server's audit log records it (stage ResponseComplete).
 *
 * @param user the authenticated user name, for example {@code
 *     system:serviceaccount:lattice-system:lattice-backup}
 * @param userAgent the client's User-Agent header
 * @param verb the RBAC verb ({@code get}, {@code list}, {@code watch}, {@code create}, {@code
 *     update}, {@code patch}, {@code delete}, …)
 * @param apiGroup the API group, empty for the core group
 * @param resource the resource, for example {@code backupstores}; empty for non-resource URLs
 * @param subresource the subresource, for example {@code status}; empty when none
 * @param namespace the namespace, empty for cluster-scoped requests
 * @param name the object's name, empty for collections
 * @param code the HTTP status code of the response
 * @param decision the authorizer's decision ({@code allow} or {@code forbid}), when recorded
 * @param requestUri the request's path and query
 */
public record AuditEvent(
    String user,
    String userAgent,
    String verb,
    String apiGroup,
    String resource,
    String subresource,
    String namespace,
    String name,
    int code,
    Optional<String> decision,
    String requestUri) {

  /**
   * The resource with its subresource, as RBAC names it.
   *
   * @return for example {@code backupstores/status}
   */
  public String fullResource() {
    return subresource.isEmpty() ? resource : resource + "/" + subresource;
  }

  /**
   * Whether the request changed (or tried to change) something.
   *
   * @return true for create, update, patch and delete
   */
  public boolean isWrite() {
    return switch (verb) {
      case "create", "update", "patch", "delete", "deletecollection" -> true;
      default -> false;
    };
  }

  /** {@code verb group/resource[/sub] namespace/name -> code}, for messages. */
  @Override
  public String toString() {
    return verb
        + " "
        + (apiGroup.isEmpty() ? "" : apiGroup + "/")
        + fullResource()
        + " "
        + (namespace.isEmpty() ? "" : namespace + "/")
        + name
        + " -> "
        + code;
  }
}
