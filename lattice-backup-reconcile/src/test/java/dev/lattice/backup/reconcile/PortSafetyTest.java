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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.port.BackupStorePort;
import dev.lattice.backup.reconcile.port.BslPort;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.testing.logs.CapturedLogs;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Port exceptions never escape, and Secret data never shows in strings or logs. */
class PortSafetyTest {

  @Test
  void anUnclassifiedRuntimeExceptionFromAPortIsATransientFailure() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "main", false, Fixtures.s3("main-bucket")));
    ClusterPorts real = w.cluster.ports();
    BslPort exploding =
        new DelegatingPorts.Bsls(real.bsls()) {
          @Override
          public void apply(BackupStorageLocation desired, Optional<String> resourceVersion) {
            throw new IllegalStateException("client bug");
          }
        };
    Reconciler reconciler =
        new Reconciler(
            new ClusterPorts(real.stores(), exploding, real.secrets()),
            Fixtures.OPTIONS,
            Clock.systemUTC(),
            () -> 0.0);

    ReconcileOutcome outcome = reconciler.reconcile();

    assertThat(outcome.failures()).hasSize(1);
    PortFailure failure = outcome.failures().get(0).failure();
    assertThat(failure).isInstanceOf(PortFailure.Transient.class);
    assertThat(failure.message()).contains("unexpected IllegalStateException");
    assertThat(outcome.requeueAfter()).contains(java.time.Duration.ofSeconds(1));
  }

  @Test
  void aListThatThrowsIsReportedAsAReadingFailure() {
    World w = new World();
    BackupStorePort broken =
        new BackupStorePort() {
          @Override
          public List<BackupStore> list(Set<String> namespaces) {
            throw new NullPointerException("boom");
          }

          @Override
          public String patchStatus(StoreKey store, Optional<String> rv, BackupStoreStatus status) {
            throw new AssertionError("no write expected");
          }

          @Override
          public String addFinalizer(StoreKey store, Optional<String> rv, String finalizer) {
            throw new AssertionError("no write expected");
          }

          @Override
          public Optional<String> removeFinalizer(
              StoreKey store, Optional<String> rv, String finalizer) {
            throw new AssertionError("no write expected");
          }
        };
    ClusterPorts real = w.cluster.ports();
    Reconciler reconciler =
        new Reconciler(new ClusterPorts(broken, real.bsls(), real.secrets()), Fixtures.OPTIONS);

    ReconcileOutcome outcome = reconciler.reconcile();

    assertThat(outcome.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.action()).isEmpty();
              assertThat(f.failure()).isInstanceOf(PortFailure.Transient.class);
            });
    assertThatThrownBy(reconciler::plan).isInstanceOf(PortException.class);
  }

  @Test
  void secretDataNeverShowsInStrings() {
    SecretData data = Fixtures.cloud("hunter2-very-secret");
    MirroredSecret secret =
        new MirroredSecret(
            ObjectMetadata.named("lattice-x-credentials").withNamespace("velero"), data);
    Action apply = new Action.ApplySecret(new StoreKey("team-a", "x"), secret, Optional.empty());

    assertThat(data.toString()).isEqualTo("SecretData[cloud] (values redacted)");
    assertThat(secret.toString()).doesNotContain("hunter2");
    assertThat(apply.toString()).doesNotContain("hunter2").contains("lattice-x-credentials");
  }

  @Test
  void secretDataIsCopiedAndComparedByContent() {
    byte[] value = "abc".getBytes(StandardCharsets.UTF_8);
    SecretData data = SecretData.of(Map.of("cloud", value));
    value[0] = 'X';

    assertThat(data.get("cloud"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo("abc".getBytes(StandardCharsets.UTF_8)));
    data.get("cloud").orElseThrow()[1] = 'Y';
    assertThat(data).isEqualTo(Fixtures.cloud("abc")).hasSameHashCodeAs(Fixtures.cloud("abc"));
    assertThat(data).isNotEqualTo(Fixtures.cloud("abd"));
    assertThat(data.only("missing")).isEqualTo(SecretData.empty());
  }

  @Test
  void theReconcilerLogsItsActionsButNoSecret() {
    CapturedLogs.start();
    World w = new World();
    w.cluster.putSecret("team-a", "gcs-key", Fixtures.cloud("hunter2-very-secret"));
    w.create(Fixtures.store("team-a", "gcs", false, Fixtures.gcs("bucket", "gcs-key")));

    w.reconcile();

    List<String> lines = CapturedLogs.stop();
    assertThat(lines).anyMatch(l -> l.startsWith("DEBUG") && l.contains("ApplySecret"));
    assertThat(lines).anyMatch(l -> l.startsWith("INFO") && l.contains("done"));
    assertThat(lines).noneMatch(l -> l.contains("hunter2"));
  }
}
