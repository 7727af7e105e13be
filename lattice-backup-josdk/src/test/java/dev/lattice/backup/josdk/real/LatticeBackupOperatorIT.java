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
package dev.lattice.backup.josdk.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.backup.josdk.BackupStoreResource;
import dev.lattice.backup.josdk.LatticeBackupOperator;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link LatticeBackupOperator#register} configures, read back from the registered controller
 * without starting the operator (registering talks to the API server, so it runs on the real one).
 */
@ControlPlaneTest
class LatticeBackupOperatorIT {
  private KubernetesClient client;
  private Operator operator;

  @BeforeEach
  void setUp(ControlPlane cluster) {
    client = cluster.controller();
    operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void theControllerUsesOurFinalizerAndReconcilesEveryStoreAtLeastEveryResync() {
    ReconcileOptions options = ReconcileOptions.defaults();
    ControllerConfiguration<BackupStoreResource> config =
        LatticeBackupOperator.register(operator, options).getConfiguration();

    assertThat(config.getName()).isEqualTo(LatticeBackupOperator.CONTROLLER_NAME);
    assertThat(config.getFinalizerName()).isEqualTo(options.finalizer());
    assertThat(config.maxReconciliationInterval())
        .contains(Duration.ofMinutes(LatticeBackupOperator.RESYNC_MINUTES));
    assertThat(LatticeBackupOperator.RESYNC_MINUTES).isEqualTo(10);
    assertThat(LatticeBackupOperator.DEFAULT_CREDENTIALS_TTL_SECONDS).isEqualTo(60);
  }

  @Test
  void aNegativeCredentialsTtlIsRefusedNamingTheSetting() {
    assertThatThrownBy(
            () ->
                LatticeBackupOperator.register(
                    operator, ReconcileOptions.defaults(), Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("credentialsTtl:");
  }
}
