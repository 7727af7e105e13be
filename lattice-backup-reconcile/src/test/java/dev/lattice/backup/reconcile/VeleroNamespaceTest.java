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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.backup.junit.memory.InMemoryCluster;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.translate.TranslationOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Velero's namespace has one source: ports and options that disagree fail at start-up. */
class VeleroNamespaceTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void aReconcilerRefusesPortsOfAnotherVeleroNamespaceNamingBoth() {
    InMemoryCluster cluster = new InMemoryCluster("backup-system", CLOCK);
    ReconcileOptions options = ReconcileOptions.defaults();

    assertThatThrownBy(() -> new Reconciler(cluster.ports(), options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"backup-system\"")
        .hasMessageContaining("\"" + options.translation().veleroNamespace() + "\"");
  }

  @Test
  void portsAndOptionsOfTheSameNamespaceAreAccepted() {
    InMemoryCluster cluster = new InMemoryCluster("backup-system", CLOCK);
    ReconcileOptions options =
        ReconcileOptions.of(
            TranslationOptions.defaults().toBuilder().veleroNamespace("backup-system").build());

    Reconciler reconciler = new Reconciler(cluster.ports(), options);

    assertThat(reconciler.veleroNamespace()).isEqualTo("backup-system");
    assertThat(reconciler.reconcile().failures()).isEmpty();
  }
}
