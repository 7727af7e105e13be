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
package dev.lattice.backup.reconcile;

import static dev.lattice.backup.reconcile.Fixtures.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.Condition;
import dev.lattice.backup.model.ConditionStatus;
import org.junit.jupiter.api.Test;

/**
 * One regression test per status mistake of an earlier controller of this resource (written in
 * Rust), each test named for the mistake it guards against.
 */
class RustControllerStatusMistakesTest {

  @Test
  void readyOnlyWhenVeleroSaysAvailableNotRightAfterTheApply() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "main", true, Fixtures.s3("main-bucket")));

    w.reconcile();

    assertThat(w.cluster.bsl("lattice-main")).isPresent();
    assertThat(w.status(PLATFORM, "main").phase()).isEqualTo(BackupStorePhase.PENDING);
    w.cluster.velero().validateAll();
    w.reconcile();
    assertThat(w.status(PLATFORM, "main").phase()).isEqualTo(BackupStorePhase.READY);
  }

  @Test
  void conditionsAreNeverEmptyAndFollowKubernetesConventions() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "main", true, Fixtures.s3("main-bucket")));

    w.reconcile();

    BackupStoreStatus status = w.status(PLATFORM, "main");
    assertThat(status.conditions())
        .extracting(Condition::type)
        .containsExactly("Ready", "SpecValid", "BackupStorageLocationAvailable", "Default");
    for (Condition c : status.conditions()) {
      assertThat(c.reason()).matches("[A-Z][A-Za-z]*");
      assertThat(c.lastTransitionTime()).isNotNull();
      assertThat(c.observedGeneration()).contains(1L);
    }
  }

  @Test
  void veleroNotInstalledIsPendingAndSaysSo() {
    World w = new World();
    w.cluster.velero().installed(false);
    w.create(Fixtures.store(PLATFORM, "main", true, Fixtures.s3("main-bucket")));

    ReconcileOutcome outcome = w.reconcile();

    BackupStoreStatus status = w.status(PLATFORM, "main");
    assertThat(outcome.failures()).isEmpty();
    assertThat(status.phase()).isEqualTo(BackupStorePhase.PENDING);
    assertThat(status.message())
        .contains(
            "Velero is not installed: the resource type backupstoragelocations.velero.io does not"
                + " exist");
    Condition available = status.condition("BackupStorageLocationAvailable").orElseThrow();
    assertThat(available.status()).isEqualTo(ConditionStatus.UNKNOWN);
    assertThat(available.reason()).isEqualTo("VeleroNotInstalled");
  }
}
