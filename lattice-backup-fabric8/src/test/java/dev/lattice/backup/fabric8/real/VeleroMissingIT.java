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

import dev.lattice.backup.fabric8.runtime.BackupStoreController;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.testing.cluster.TestCluster;
import dev.lattice.backup.testing.cluster.VeleroMissing;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

/**
 * Velero's BackupStorageLocation CRD deleted while the controller runs, as a user who uninstalls
 * Velero would: a store created then is Pending with reason VeleroNotInstalled and a message naming
 * the CRD (within 45 s, as the seed's Pending phase promises), and once the CRD is back the store
 * converges without a restart.
 */
@ControlPlaneTest
class VeleroMissingIT {
  @Test
  void aStoreMadeWhileVelerosCrdIsMissingIsPendingAndConvergesWhenItIsBack(ControlPlane cluster) {
    TestCluster.cleanSlate(cluster.admin());
    try (KubernetesClient client = cluster.controller();
        BackupStoreController loop = RealCluster.controller(client).start()) {
      VeleroMissing.pendingWhileVeleroIsMissingThenConverged(cluster);
    }
  }
}
