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

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RequestKindTest {
  private static RequestKind of(String method, String uri) {
    return RequestKind.of(method, URI.create("https://127.0.0.1:6443" + uri));
  }

  @Test
  void verbsAndResourcesAreNamedAsTheApiServerNamesThem() {
    assertThat(of("GET", "/apis/lattice.dev/v1alpha1/backupstores?resourceVersion=0"))
        .isEqualTo(new RequestKind("list", "backupstores"));
    assertThat(of("GET", "/apis/lattice.dev/v1alpha1/backupstores?watch=true&resourceVersion=5"))
        .isEqualTo(new RequestKind("watch", "backupstores"));
    assertThat(of("GET", "/api/v1/namespaces/team-a/secrets/creds"))
        .isEqualTo(new RequestKind("get", "secrets"));
    assertThat(of("POST", "/apis/velero.io/v1/namespaces/velero/backupstoragelocations"))
        .isEqualTo(new RequestKind("create", "backupstoragelocations"));
    assertThat(of("PUT", "/apis/lattice.dev/v1alpha1/namespaces/p/backupstores/s/status"))
        .isEqualTo(new RequestKind("update", "backupstores/status"));
    assertThat(of("PATCH", "/apis/velero.io/v1/namespaces/velero/backupstoragelocations/b"))
        .isEqualTo(new RequestKind("patch", "backupstoragelocations"));
    assertThat(of("DELETE", "/api/v1/namespaces/velero/secrets/x"))
        .isEqualTo(new RequestKind("delete", "secrets"));
    assertThat(of("PUT", "/apis/coordination.k8s.io/v1/namespaces/lattice-system/leases/l"))
        .isEqualTo(new RequestKind("update", "leases"));
  }
}
