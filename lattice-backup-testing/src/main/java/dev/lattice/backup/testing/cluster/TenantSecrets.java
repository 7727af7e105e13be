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
package dev.lattice.backup.testing.cluster;

import dev.lattice.backup.junit.ControlPlane;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tenant's credentials on the real control plane, as an admin sets them up: the RoleBinding that
 * lets the controller read a namespace's Secrets ({@code deploy/rbac.yaml}'s step for each
 * namespace whose stores name a Secret), and Secrets written from their values in clear.
 */
public final class TenantSecrets {
  /** The ClusterRole, and the name of its RoleBinding in each tenant's namespace. */
  public static final String READER = "lattice-backup-credentials-reader";

  private TenantSecrets() {}

  /**
   * Lets the controller's ServiceAccount read the Secrets of a namespace: binds {@link #READER} to
   * it there (created or replaced).
   *
   * @param admin a client with the rights to do so
   * @param ns the tenant's namespace
   */
  public static void grantReader(KubernetesClient admin, String ns) {
    admin
        .rbac()
        .roleBindings()
        .inNamespace(ns)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(READER)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", READER)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(ControlPlane.CONTROLLER_SERVICE_ACCOUNT)
                .withNamespace(TestCluster.PLATFORM)
                .endSubject()
                .build())
        .createOr(e -> e.update());
  }

  /**
   * Deletes the RoleBinding {@link #grantReader} made.
   *
   * @param admin a client with the rights to do so
   * @param ns the tenant's namespace
   */
  public static void revokeReader(KubernetesClient admin, String ns) {
    admin.rbac().roleBindings().inNamespace(ns).withName(READER).delete();
  }

  /**
   * Creates or replaces a Secret.
   *
   * @param client the client that writes it
   * @param ns its namespace
   * @param name its name
   * @param values its keys and their values in clear (UTF-8; written base64-encoded)
   */
  public static void put(
      KubernetesClient client, String ns, String name, Map<String, String> values) {
    Map<String, String> data = new LinkedHashMap<>();
    values.forEach(
        (k, v) ->
            data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .endMetadata()
                .withData(data)
                .build())
        .createOr(e -> e.update());
  }
}
