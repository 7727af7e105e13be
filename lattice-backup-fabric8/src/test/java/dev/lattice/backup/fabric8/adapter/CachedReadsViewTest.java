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
package dev.lattice.backup.fabric8.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.translate.bsl.BslLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the ports over an operator framework's caches take from those caches: a name a mirror would
 * take is known from a mirrored Secret in the cache, never from a Secret without our label.
 */
class CachedReadsViewTest {
  private static Secret secret(String name, Map<String, String> labels) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("velero")
        .withResourceVersion("7")
        .withLabels(labels)
        .endMetadata()
        .withData(Map.of("cloud", "c2VjcmV0"))
        .build();
  }

  private static CachedReadsView over(List<Secret> secrets) {
    return new CachedReadsView(reads(secrets));
  }

  private static CachedReads reads(List<Secret> secrets) {
    return new CachedReads() {
      @Override
      public Collection<BackupStore> stores() {
        return List.of();
      }

      @Override
      public Collection<GenericKubernetesResource> bsls() {
        return List.of();
      }

      @Override
      public Collection<Secret> mirroredSecrets() {
        return secrets;
      }
    };
  }

  @Test
  void aNameIsKnownFromAMirroredSecretInTheCacheOnly() {
    CachedReadsView view =
        over(
            List.of(
                secret("lattice-ours", Map.of(BslLabels.MANAGED_BY, BslLabels.MANAGER)),
                secret("theirs", Map.of("app", "other"))));

    Optional<ObjectMetadata> ours = view.knownSecret("lattice-ours");
    assertThat(ours).isPresent();
    assertThat(ours.get().name()).isEqualTo("lattice-ours");
    assertThat(ours.get().resourceVersion()).contains("7");
    assertThat(view.knownSecret("theirs")).as("an unlabelled Secret is left to a GET").isEmpty();
    assertThat(view.knownSecret("absent")).isEmpty();
    assertThat(view.mirrored()).extracting(m -> m.name()).containsExactly("lattice-ours");
  }

  @Test
  void aNegativeCredentialsTtlIsRefusedNamingTheSetting() {
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(
                new io.fabric8.kubernetes.client.ConfigBuilder()
                    .withMasterUrl("https://127.0.0.1:1")
                    .build())
            .build()) {
      assertThatThrownBy(
              () -> Fabric8Ports.create(client, "velero", reads(List.of()), Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("credentialsTtl:");
    }
  }
}
