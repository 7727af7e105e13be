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
package dev.lattice.backup.controller;

import java.net.URI;
import java.util.Locale;

/**
 * A Kubernetes API request's verb and resource, as the API server's metrics name them ({@code
 * list}, {@code watch}, {@code get}, {@code create}, {@code update}, {@code patch}, {@code delete};
 * {@code backupstores}, {@code secrets}, {@code leases}, ...), read from its method and path.
 *
 * @param verb the verb
 * @param resource the resource, with {@code /status} for the status subresource
 */
record RequestKind(String verb, String resource) {

  /**
   * Classifies a request.
   *
   * @param method the HTTP method
   * @param uri the request's URI
   * @return its verb and resource
   */
  static RequestKind of(String method, URI uri) {
    String[] parts = uri.getPath().replaceAll("^/+|/+$", "").split("/");
    // /api/v1/... or /apis/group/version/...
    int at = parts.length > 0 && parts[0].equals("api") ? 2 : 3;
    if (at < parts.length && parts[at].equals("namespaces") && at + 2 < parts.length) {
      at += 2;
    }
    String resource = at < parts.length ? parts[at] : "";
    boolean named = at + 1 < parts.length;
    if (at + 2 < parts.length) {
      resource += "/" + parts[at + 2];
    }
    String query = uri.getQuery() == null ? "" : uri.getQuery();
    String verb =
        switch (method.toUpperCase(Locale.ROOT)) {
          case "GET" -> query.contains("watch=true") ? "watch" : named ? "get" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> "delete";
          default -> method.toLowerCase(Locale.ROOT);
        };
    return new RequestKind(verb, resource.isEmpty() ? "other" : resource);
  }
}
