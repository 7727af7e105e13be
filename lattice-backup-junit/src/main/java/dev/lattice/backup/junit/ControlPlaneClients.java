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

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The clients a {@link ControlPlane} hands out and the credentials they carry: a kubeconfig file
 * the control plane wrote (the admin's, or a user's with a certificate it minted), or a
 * ServiceAccount token issued by the API server's TokenRequest API. It keeps every client it made,
 * so that the control plane closes them when it stops.
 */
final class ControlPlaneClients {
  private final String server;
  private final String caCertificate;
  private final List<KubernetesClient> clients = new ArrayList<>();

  /**
   * Clients of the API server at {@code server}, whose certificate {@code caCertificate} signed.
   */
  ControlPlaneClients(String server, String caCertificate) {
    this.server = server;
    this.caCertificate = caCertificate;
  }

  /** A new client with the identity of a kubeconfig file. */
  KubernetesClient fromKubeconfig(Path kubeconfig) throws IOException {
    return client(Config.fromKubeconfig(Files.readString(kubeconfig)));
  }

  /**
   * A new client with a day-long token of the ServiceAccount, which is created when missing (its
   * namespace must exist).
   *
   * @param admin a client allowed to create ServiceAccounts and request their tokens
   * @param fieldManager the field manager that applies the ServiceAccount
   */
  KubernetesClient forServiceAccount(
      KubernetesClient admin, String namespace, String name, String fieldManager) {
    admin
        .serviceAccounts()
        .inNamespace(namespace)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .build())
        .fieldManager(fieldManager)
        .serverSideApply();
    TokenRequest request =
        admin
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(name)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(24L * 3600)
                    .endSpec()
                    .build());
    String token = Objects.requireNonNull(request.getStatus().getToken(), "token");
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(server)
            .withCaCertData(
                Base64.getEncoder().encodeToString(caCertificate.getBytes(StandardCharsets.UTF_8)))
            .withOauthToken(token)
            .build();
    return client(config);
  }

  private KubernetesClient client(Config config) {
    config.setRequestTimeout(30_000);
    config.setConnectionTimeout(10_000);
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    synchronized (clients) {
      clients.add(client);
    }
    return client;
  }

  /** Closes every client handed out so far. */
  void closeAll() {
    synchronized (clients) {
      clients.forEach(KubernetesClient::close);
      clients.clear();
    }
  }
}
