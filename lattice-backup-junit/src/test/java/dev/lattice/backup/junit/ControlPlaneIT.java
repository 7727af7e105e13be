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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The control plane is the real thing: versioned, authenticating, authorizing, auditing. */
@ControlPlaneTest
class ControlPlaneIT {

  @Test
  void theApiServerReportsTheVersionItWasBuiltFrom(ControlPlane cluster) {
    assertThat(cluster.kubernetesVersion()).isEqualTo(ControlPlaneBinary.kubernetesVersion());
    assertThat(cluster.admin().getKubernetesVersion().getGitVersion())
        .isEqualTo(ControlPlaneBinary.kubernetesVersion());
    assertThat(cluster.emulationVersion()).isEqualTo(ControlPlaneBinary.build("").minor());
    assertThat(cluster.server()).startsWith("https://127.0.0.1:");
    assertThat(cluster.metrics()).contains("apiserver_request_total{");
  }

  @Test
  void lattice_and_velero_crds_are_established(ControlPlane cluster) {
    List<String> names =
        cluster.admin().apiextensions().v1().customResourceDefinitions().list().getItems().stream()
            .map(c -> c.getMetadata().getName())
            .toList();
    assertThat(names)
        .contains(
            "backupstores.lattice.dev",
            "backupstoragelocations.velero.io",
            "backups.velero.io",
            "datauploads.velero.io");
    CustomResourceDefinition ours =
        cluster
            .admin()
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName("backupstores.lattice.dev")
            .get();
    // The server accepted the CRD (a CEL rule over the cost budget is refused at creation), serves
    // it, and found its schema structural.
    assertThat(Installation.isTrue(ours.getStatus().getConditions(), "Established")).isTrue();
    assertThat(Installation.isTrue(ours.getStatus().getConditions(), "NamesAccepted")).isTrue();
    assertThat(ours.getStatus().getConditions())
        .noneMatch(c -> c.getType().equals("NonStructuralSchema"));
  }

  @Test
  void theControllerIdentityIsAServiceAccountThatRbacRestricts(ControlPlane cluster) {
    try (KubernetesClient controller = cluster.controller()) {
      ResourceDefinitionContext stores =
          new ResourceDefinitionContext.Builder()
              .withGroup("lattice.dev")
              .withVersion("v1alpha1")
              .withPlural("backupstores")
              .withNamespaced(true)
              .build();
      assertThat(controller.genericKubernetesResources(stores).inAnyNamespace().list().getItems())
          .isNotNull();
      assertThatThrownBy(() -> controller.secrets().inNamespace("kube-system").list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403))
          .hasMessageContaining("system:serviceaccount:lattice-system:lattice-backup");
    }
  }

  @Test
  void aCertificateUserWithoutBindingsIsRefusedAndAudited(ControlPlane cluster) {
    long mark = cluster.auditLog().mark();
    try (KubernetesClient nobody = cluster.user("nobody", "some-group")) {
      assertThatThrownBy(() -> nobody.namespaces().list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }
    List<AuditEvent> events = cluster.auditLog().since(mark, "nobody");
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.verb()).isEqualTo("list");
              assertThat(e.resource()).isEqualTo("namespaces");
              assertThat(e.code()).isEqualTo(403);
              assertThat(e.decision()).contains("forbid");
            });
  }

  @Test
  void afterCompactionAWatchFromAnOlderResourceVersionIsGone(ControlPlane cluster)
      throws Exception {
    String ns = cluster.newNamespace("compaction");
    KubernetesClient admin = cluster.admin();
    ConfigMap first =
        admin
            .configMaps()
            .inNamespace(ns)
            .resource(new ConfigMapBuilder().withNewMetadata().withName("a").endMetadata().build())
            .create();
    // A watch from first's version starts at the next revision; two more writes put that
    // revision behind the compaction.
    for (String name : List.of("b", "c")) {
      admin
          .configMaps()
          .inNamespace(ns)
          .resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }

    long revision = cluster.compactEtcd();

    assertThat(revision).isGreaterThan(Long.parseLong(first.getMetadata().getResourceVersion()));
    CompletableFuture<WatcherException> closed = new CompletableFuture<>();
    try (var watch =
        admin
            .configMaps()
            .inNamespace(ns)
            .withResourceVersion(first.getMetadata().getResourceVersion())
            .watch(
                new Watcher<ConfigMap>() {
                  @Override
                  public void eventReceived(Action action, ConfigMap resource) {}

                  @Override
                  public void onClose(WatcherException cause) {
                    closed.complete(cause);
                  }
                })) {
      WatcherException cause = closed.get(30, TimeUnit.SECONDS);
      assertThat(cause.isHttpGone()).isTrue();
    }
  }
}
