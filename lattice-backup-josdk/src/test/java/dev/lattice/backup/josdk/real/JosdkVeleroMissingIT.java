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

import dev.lattice.backup.josdk.LatticeBackupOperator;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.testing.cluster.TestCluster;
import dev.lattice.backup.testing.cluster.VeleroMissing;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The JOSDK integration held to the standalone controller's steps when Velero's
 * BackupStorageLocation CRD is deleted while it runs ({@link VeleroMissing}): Pending naming the
 * CRD, converged once it is back.
 */
@ControlPlaneTest
class JosdkVeleroMissingIT {
  @Test
  void aStoreMadeWhileVelerosCrdIsMissingIsPendingAndConvergesWhenItIsBack(ControlPlane cluster)
      throws IOException {
    KubernetesClient admin = cluster.admin();
    TestCluster.cleanSlate(admin);
    JosdkCluster.applyJosdkRbac(admin);
    try (KubernetesClient client = cluster.controller()) {
      Operator operator =
          new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
      try {
        LatticeBackupOperator.register(operator, ReconcileOptions.defaults());
        operator.start();
        VeleroMissing.pendingWhileVeleroIsMissingThenConverged(cluster);
      } finally {
        operator.stop();
      }
    }
  }
}
