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
package dev.lattice.backup.fabric8.real;

import static dev.lattice.backup.testing.cluster.TestCluster.VELERO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.AzureEmulator;
import dev.lattice.backup.junit.ConnectProxy;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.junit.ObjectStore;
import dev.lattice.backup.junit.Velero;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's Azure store against a real Velero with the real Azure plugin: Azurite serves the
 * account under its production host name over HTTPS, a fake Entra ID and Resource Manager hand out
 * a token and the account's key, and Velero reaches all three through a CONNECT proxy (its {@code
 * HTTPS_PROXY}) and trusts their test CA ({@code SSL_CERT_FILE}). The location Velero validates is
 * exactly what the library emits for {@code examples/azure-store.yaml}.
 */
@ControlPlaneTest
class AzureVeleroIT {
  private static final String CONTAINER = "velero-archive";
  private static final String CREDENTIALS = "velero-credentials-azure-prod";
  private static final String APP = "azure-it-app";

  private static ControlPlane cluster;
  private static KubernetesClient admin;
  private static AzureEmulator azure;
  private static ConnectProxy proxy;
  private static ObjectStore objects;
  private static Velero velero;
  private static VeleroSteps steps;

  private RealCluster.Running controller;

  @BeforeAll
  static void startVelero(ControlPlane controlPlane, @TempDir Path tmp) throws IOException {
    cluster = controlPlane;
    admin = cluster.admin();
    azure = AzureEmulator.start("latticearchive");
    proxy = ConnectProxy.start();
    azure.routeThrough(proxy);
    objects = ObjectStore.start();
    Path roots = tmp.resolve("test-roots.pem");
    Files.writeString(roots, azure.caCertificatePem());
    velero =
        Velero.builder(cluster)
            .objectStore(objects) // the S3 store of the default move
            .environment("HTTPS_PROXY", proxy.url())
            .environment("SSL_CERT_FILE", roots.toString())
            .start();
    steps = new VeleroSteps(cluster, () -> velero);
    steps.appNamespace(APP);
  }

  @AfterAll
  static void stopVelero() {
    VeleroSteps.closeAll(velero, proxy, azure, objects);
  }

  @BeforeEach
  void setUp() {
    steps.cleanSlate();
    azure.handOutStaleKey(false);
    TestCluster.secret(
        admin, VELERO, CREDENTIALS, azure.credentialsFile(AzureEmulator.CLIENT_SECRET));
    TestCluster.secret(admin, VELERO, "velero-credentials-aws-prod", objects.credentialsFile());
    azure.createContainer(CONTAINER);
    objects.createBucket("lattice-backups");
    controller = RealCluster.start(cluster, b -> b);
  }

  @AfterEach
  void tearDown() {
    controller.close();
    objects.deleteBucket("lattice-backups");
  }

  @Test
  void theAzureExampleIsAvailableAndReadyAndABackupLandsInTheContainerUnderItsPrefix() {
    steps.applyExample("azure-store.yaml");

    steps.awaitPhase("azure-archive", "Ready");
    assertThat(steps.veleroStatus("azure-archive"))
        .as("Velero's own verdict")
        .containsEntry("phase", "Available")
        .containsKey("lastValidationTime");
    assertThat(proxy.refused()).as("hosts nobody serves").isEmpty();

    steps.backup("to-azure", APP, Optional.of(steps.bslName("azure-archive")));
    String prefix = steps.prefixOf("azure-archive");
    assertThat(prefix).isNotEmpty();
    assertThat(azure.blobs(CONTAINER))
        .contains(
            prefix + "backups/to-azure/velero-backup.json",
            prefix + "backups/to-azure/to-azure.tar.gz")
        .allMatch(b -> b.startsWith(prefix), "every blob under the location's prefix");
  }

  @Test
  void aWrongClientSecretIsUnavailableWithVelerosMessageAndNoSecretAndTheRightOneBringsReady() {
    String wrong = "not-the-azure-s3cret";
    TestCluster.secret(admin, VELERO, CREDENTIALS, azure.credentialsFile(wrong));
    steps.applyExample("azure-store.yaml");

    steps.awaitPhase("azure-archive", "Failed");
    String message = steps.message("azure-archive");
    assertThat(message)
        .contains("Unavailable")
        .contains(String.valueOf(steps.veleroStatus("azure-archive").get("message")))
        .contains("invalid_client")
        .doesNotContain(wrong)
        .doesNotContain(AzureEmulator.CLIENT_SECRET)
        .doesNotContain(azure.accountKey());

    TestCluster.secret(
        admin, VELERO, CREDENTIALS, azure.credentialsFile(AzureEmulator.CLIENT_SECRET));
    steps.awaitPhase("azure-archive", "Ready");
  }

  @Test
  void aStaleAccountKeyIsRefusedByAzuriteAndTheStoreIsUnavailableWithoutTheKey() {
    azure.handOutStaleKey(true);
    steps.applyExample("azure-store.yaml");

    steps.awaitPhase("azure-archive", "Failed");
    assertThat(steps.message("azure-archive"))
        .contains("Unavailable")
        .contains(String.valueOf(steps.veleroStatus("azure-archive").get("message")))
        // Azurite's answer to a signature made with another key
        .contains("AuthorizationFailure: Server failed to authenticate the request")
        .doesNotContain(azure.accountKey())
        .doesNotContain(AzureEmulator.CLIENT_SECRET);

    azure.handOutStaleKey(false);
    steps.awaitPhase("azure-archive", "Ready");
  }

  @Test
  void movingTheDefaultBetweenAnS3AndTheAzureStoreNeverShowsTwoDefaults() {
    steps.applyExample("s3-store.yaml"); // the default
    steps.applyExample("azure-store.yaml");
    steps.awaitPhase("production-s3", "Ready");
    steps.awaitPhase("azure-archive", "Ready");
    steps.backup("before-move", APP, Optional.empty());
    assertThat(objects.objects("lattice-backups"))
        .contains(steps.prefixOf("production-s3") + "backups/before-move/velero-backup.json");

    steps.moveDefault("production-s3", "azure-archive", "after-move", APP);
    assertThat(azure.blobs(CONTAINER))
        .contains(steps.prefixOf("azure-archive") + "backups/after-move/velero-backup.json");
    assertThat(objects.objects("lattice-backups")).noneMatch(k -> k.contains("after-move"));
  }
}
