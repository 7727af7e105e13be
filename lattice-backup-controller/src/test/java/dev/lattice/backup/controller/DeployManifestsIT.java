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

import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.model.crd.BackupStoreCrd;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The manifests in {@code deploy/} are the ones the tests use: the CRD is the one the control plane
 * installs, the ServiceAccount is the one RBAC binds and the tests act as, and the Deployment is
 * accepted by the real API server and runs the controller with flags it understands and probes it
 * serves.
 */
@ControlPlaneTest
class DeployManifestsIT {
  private static final Path DEPLOY = Path.of("..", "deploy");

  @Test
  void theCrdIsTheOneTheTestsInstall() throws IOException {
    assertThat(Files.readString(DEPLOY.resolve("crd.yaml"))).isEqualTo(BackupStoreCrd.yaml());
  }

  @Test
  void theDeploymentIsAcceptedRunsAsTheTestedAccountWithFlagsAndProbesTheControllerHas(
      ControlPlane cluster) throws IOException {
    KubernetesClient admin = cluster.admin();
    List<HasMetadata> objects;
    try (var in = Files.newInputStream(DEPLOY.resolve("controller.yaml"))) {
      objects = admin.load(in).items();
    }
    ServiceAccount account =
        objects.stream()
            .filter(ServiceAccount.class::isInstance)
            .map(ServiceAccount.class::cast)
            .findFirst()
            .orElseThrow();
    Deployment deployment =
        objects.stream()
            .filter(Deployment.class::isInstance)
            .map(Deployment.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(account.getMetadata().getNamespace()).isEqualTo(ControlPlane.CONTROLLER_NAMESPACE);
    assertThat(account.getMetadata().getName()).isEqualTo(ControlPlane.CONTROLLER_SERVICE_ACCOUNT);
    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo(ControlPlane.CONTROLLER_SERVICE_ACCOUNT);

    // The real API server accepts both (server-side apply, as kubectl apply --server-side does).
    for (HasMetadata o : objects) {
      HasMetadata applied =
          admin.resource(o).fieldManager("deploy-manifests-it").forceConflicts().serverSideApply();
      assertThat(applied.getMetadata().getUid()).isNotBlank();
    }

    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    Main main = new Main();
    new CommandLine(main).parseArgs(container.getArgs().toArray(String[]::new));
    assertThat(main.options().translation().veleroNamespace())
        .isEqualTo(ControlPlane.VELERO_NAMESPACE);
    assertThat(main.options().translation().platformNamespace())
        .isEqualTo(ControlPlane.CONTROLLER_NAMESPACE);
    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(main.httpPort);
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getEnv()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("POD_NAME"));
    assertThat(container.getEnv())
        .anySatisfy(e -> assertThat(e.getName()).isEqualTo("POD_NAMESPACE"));
    admin
        .apps()
        .deployments()
        .inNamespace(ControlPlane.CONTROLLER_NAMESPACE)
        .withName(deployment.getMetadata().getName())
        .delete();
  }
}
