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

import dev.lattice.backup.junit.memory.FaultInjector;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.Step;
import dev.lattice.backup.reconcile.plan.internal.Conditions;
import dev.lattice.backup.reconcile.port.BackupStorePort;
import dev.lattice.backup.reconcile.port.BslPort;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.reconcile.port.SecretPort;
import dev.lattice.backup.reconcile.port.VeleroPhase;
import dev.lattice.backup.testing.logs.CapturedLogs;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's contract with its callers and the cluster: conditional writes never overwrite a
 * store changed since it was read; only a failed apply is reported as {@code ApplyFailed}; the
 * outcome says whether anything happened; a quiet pass logs nothing at INFO; the default reconciler
 * jitters its backoff.
 */
class ReconcilerContractTest {
  private static final StoreKey MAIN = new StoreKey(PLATFORM, "main");

  /** The user edits the store while the reconciler is between reading it and writing it. */
  @Test
  void aStoreChangedAfterTheReadMakesTheWriteAConflictNotALostUpdate() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "main", false, Fixtures.s3("first-bucket")));
    BackupStorePort real = w.cluster.ports().stores();
    BackupStorePort racing =
        new DelegatingPorts.Stores(real) {
          @Override
          public String addFinalizer(StoreKey store, Optional<String> rv, String finalizer)
              throws PortException {
            w.cluster.updateStoreSpec(
                MAIN, new BackupStoreSpec(false, Fixtures.s3("second-bucket")));
            return super.addFinalizer(store, rv, finalizer);
          }
        };
    Reconciler reconciler = reconciler(w, racing, w.cluster.ports().bsls());

    ReconcileOutcome outcome = reconciler.reconcile();

    assertThat(outcome.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.failure()).isInstanceOf(PortFailure.Conflict.class));
    assertThat(w.store(PLATFORM, "main").metadata().finalizers()).isEmpty();
    assertThat(w.store(PLATFORM, "main").status()).isEmpty();

    assertThat(w.reconcile().failures()).isEmpty();
    assertThat(w.status(PLATFORM, "main").observedGeneration()).contains(2L);
    assertThat(w.cluster.bsl("lattice-main").orElseThrow().spec().objectStorage().bucket())
        .isEqualTo("second-bucket");
  }

  /** The same race on the status written after a permanent apply failure. */
  @Test
  void theApplyFailedStatusIsNotWrittenOverAStoreChangedSinceTheRead() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "main", false, Fixtures.s3("first-bucket")));
    w.reconcile();
    w.cluster.updateStoreSpec(MAIN, new BackupStoreSpec(false, Fixtures.s3("second-bucket")));
    BslPort real = w.cluster.ports().bsls();
    BslPort racing =
        new DelegatingPorts.Bsls(real) {
          @Override
          public void apply(BackupStorageLocation desired, Optional<String> resourceVersion)
              throws PortException {
            w.cluster.updateStoreSpec(
                MAIN, new BackupStoreSpec(false, Fixtures.s3("third-bucket")));
            throw new PortException(new PortFailure.Forbidden("no BSLs for you"));
          }
        };
    BackupStoreStatus before = w.status(PLATFORM, "main");

    ReconcileOutcome outcome = reconciler(w, w.cluster.ports().stores(), racing).reconcile();

    assertThat(outcome.failures()).hasSize(2);
    assertThat(outcome.failures().get(1).failure()).isInstanceOf(PortFailure.Conflict.class);
    assertThat(w.status(PLATFORM, "main")).isEqualTo(before);
  }

  @Test
  void anUnexpectedExceptionFromAPortIsTransientAndNamesTheCall() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "main", false, Fixtures.minio("bucket", "creds")));
    SecretPort broken =
        new DelegatingPorts.Secrets(w.cluster.ports().secrets()) {
          @Override
          public Optional<SecretData> read(String namespace, String name) {
            throw new IllegalStateException("connection pool closed");
          }
        };
    ClusterPorts ports = w.cluster.ports();
    Reconciler reconciler =
        new Reconciler(
            new ClusterPorts(ports.stores(), ports.bsls(), broken), w.options, w.clock, () -> 0.5);

    reconciler.reconcile();

    assertThat(w.status(PLATFORM, "main").message().orElseThrow())
        .contains("read Secret " + PLATFORM + "/creds: unexpected IllegalStateException");
  }

  @Test
  void onlyAFailureWithACauseCarriesAStackTrace() {
    PortFailure failure = new PortFailure.Transient("timeout");

    assertThat(new PortException(failure).getStackTrace()).isEmpty();
    assertThat(new PortException(failure, new RuntimeException("io")).getStackTrace()).isNotEmpty();
  }

  @Test
  void aForbiddenSecretApplyIsReportedAsApplyFailed() {
    World w = new World();
    w.cluster.putSecret(PLATFORM, "creds", Fixtures.cloud("k"));
    w.create(Fixtures.store(PLATFORM, "main", false, Fixtures.minio("bucket", "creds")));
    w.cluster
        .faults()
        .failNextWrite(FaultInjector.Target.SECRETS, new PortFailure.Forbidden("no secrets"));

    ReconcileOutcome outcome = w.reconcile();

    assertThat(outcome.failures()).hasSize(1);
    BackupStoreStatus status = w.status(PLATFORM, "main");
    assertThat(status.phase()).isEqualTo(BackupStorePhase.FAILED);
    assertThat(status.condition(Conditions.READY).orElseThrow().reason())
        .isEqualTo(Conditions.REASON_APPLY_FAILED);
    assertThat(status.message().orElseThrow()).contains("no secrets");
  }

  @Test
  void aForbiddenWriteThatIsNotAnApplyWritesNoApplyFailedStatus() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "main", false, Fixtures.s3("bucket")));
    w.cluster
        .faults()
        .failNextWrite(FaultInjector.Target.STORES, new PortFailure.Forbidden("no finalizers"));

    ReconcileOutcome outcome = w.reconcile();

    assertThat(outcome.failures()).singleElement();
    assertThat(outcome.failures().get(0).action().orElseThrow())
        .isInstanceOf(Action.AddFinalizer.class);
    assertThat(w.store(PLATFORM, "main").status()).isEmpty();
    assertThat(outcome.writes()).isEqualTo(1);
  }

  @Test
  void theOutcomeSaysWhetherAnythingHappenedAndWhetherItWorked() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "main", false, Fixtures.s3("bucket")));

    ReconcileOutcome busy = w.reconcile();
    ReconcileOutcome quiet = w.reconcile();
    w.cluster.faults().failNext(FaultInjector.Target.STORES, new PortFailure.Transient("blip"));
    ReconcileOutcome unreadable = w.reconcile();
    w.cluster.updateStoreSpec(MAIN, new BackupStoreSpec(false, Fixtures.s3("other")));
    w.cluster.faults().failNextWrite(FaultInjector.Target.BSLS, new PortFailure.Transient("503"));
    ReconcileOutcome failing = w.reconcile();

    assertThat(busy.wasConverged()).isFalse();
    assertThat(busy.succeeded()).isTrue();
    assertThat(quiet.wasConverged()).isTrue();
    assertThat(quiet.succeeded()).isTrue();
    assertThat(unreadable.writes()).isZero();
    assertThat(unreadable.wasConverged()).isFalse();
    assertThat(unreadable.succeeded()).isFalse();
    assertThat(failing.succeeded()).isFalse();
    assertThat(failing.wasConverged()).isFalse();
    assertThat(unreadable.failures().get(0).toString())
        .startsWith("reading the cluster: ")
        .endsWith("blip");
    assertThat(failing.failures().get(0).toString())
        .startsWith(failing.failures().get(0).action().orElseThrow().toString())
        .endsWith("503");
  }

  @Test
  void aQuietPassLogsNothingAtInfoAndABusyOneLogsOneSummary() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "main", false, Fixtures.s3("bucket")));
    CapturedLogs.start();

    w.reconcile();
    List<String> busy = info(CapturedLogs.stop());
    CapturedLogs.start();
    w.reconcile();
    List<String> quiet = info(CapturedLogs.stop());

    assertThat(busy).singleElement().asString().contains("3 done").contains("0 failed");
    assertThat(quiet).isEmpty();
  }

  @Test
  void theDefaultReconcilerJittersItsBackoff() {
    World w = new World();
    w.cluster.faults().failAlways(FaultInjector.Target.STORES, new PortFailure.Transient("down"));
    Reconciler reconciler = new Reconciler(w.cluster.ports(), Fixtures.OPTIONS);

    Duration first = reconciler.reconcile().requeueAfter().orElseThrow();

    assertThat(first).isLessThan(Duration.ofSeconds(1)).isGreaterThan(Duration.ofMillis(799));
  }

  @Test
  void anApplyNamesItsStoreAndBslAndSaysWhenItCreatesOne() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "main", true, Fixtures.s3("bucket")));
    w.create(Fixtures.store(PLATFORM, "spare", false, Fixtures.s3("bucket")));

    List<String> applies =
        w.plan().actions().stream()
            .filter(a -> a instanceof Action.ApplyBsl)
            .map(Action::toString)
            .toList();

    assertThat(applies)
        .containsExactly(
            "ApplyBsl[store=" + MAIN + ", bsl=lattice-main, create]",
            "ApplyBsl[store=lattice-system/spare, bsl=lattice-spare, create]");
    w.reconcile();
    assertThat(w.plan().actions()).isEmpty();
    assertThat(w.cluster.bsl("lattice-main").orElseThrow().isDefault())
        .as("set by the default writer once the BSL exists")
        .isTrue();
    assertThat(w.cluster.bsl("lattice-spare").orElseThrow().isDefault()).isFalse();
  }

  @Test
  void aPlanRefusesStepsThatDependOnThemselvesOrLaterSteps() {
    Action a = new Action.DeleteBsl("x", Optional.empty(), "1");
    Action b = new Action.DeleteBsl("y", Optional.empty(), "1");

    assertThatThrownBy(
            () ->
                new Plan(
                    List.of(new Step(a, List.of(0), false)), new TreeMap<>(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Plan(
                    List.of(new Step(a, List.of(1), false), new Step(b, List.of(), false)),
                    new TreeMap<>(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Plan(
                    List.of(new Step(a, List.of(-1), false)), new TreeMap<>(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    Plan ok =
        new Plan(
            List.of(new Step(a, List.of(), false), new Step(b, List.of(0), false)),
            new TreeMap<>(),
            Optional.empty());
    assertThat(ok.isEmpty()).isFalse();
    assertThat(new Plan(List.of(), new TreeMap<>(), Optional.empty()).isEmpty()).isTrue();
  }

  @Test
  void restrictingAPlanToAStoreKeepsItsStatus() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "main", false, Fixtures.s3("bucket")));
    w.create(Fixtures.store("team-a", "other", false, Fixtures.azure("container")));
    Plan full = w.plan();

    Plan mine = full.restrictTo(MAIN);

    assertThat(mine.statuses()).containsOnlyKeys(MAIN);
    assertThat(mine.statuses().get(MAIN)).isEqualTo(full.statuses().get(MAIN));
    assertThat(full.restrictTo(new StoreKey("nowhere", "none")).statuses()).isEmpty();
  }

  @Test
  void theWireValuesOfVelerosPhasesAreVelerosSpelling() {
    assertThat(VeleroPhase.AVAILABLE.wireValue()).isEqualTo("Available");
    assertThat(VeleroPhase.UNAVAILABLE.wireValue()).isEqualTo("Unavailable");
  }

  @Test
  void secretDataComparesEveryValueAndCopiesOut() {
    SecretData one = SecretData.of(Map.of("a", new byte[] {1}, "b", new byte[] {2}));
    SecretData other = SecretData.of(Map.of("a", new byte[] {1}, "b", new byte[] {3}));

    assertThat(one).isNotEqualTo(other);
    assertThat(one).isNotEqualTo(SecretData.of(Map.of("a", new byte[] {1})));
    var copy = one.toMap();
    assertThat(copy).containsOnlyKeys("a", "b");
    assertThat(copy.get("b")).containsExactly(2);
    copy.get("b")[0] = 9;
    assertThat(one.get("b").orElseThrow()).containsExactly(2);
  }

  @Test
  void aBslAwaitingValidationIsNamedInItsCondition() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "main", true, Fixtures.s3("bucket")));

    w.reconcile();

    assertThat(
            w.status(PLATFORM, "main").condition(Conditions.BSL_AVAILABLE).orElseThrow().message())
        .contains(Fixtures.VELERO + "/lattice-main");
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static List<String> info(List<String> lines) {
    return lines.stream().filter(l -> l.startsWith("INFO")).toList();
  }

  private static Reconciler reconciler(World w, BackupStorePort stores, BslPort bsls) {
    ClusterPorts real = w.cluster.ports();
    return new Reconciler(
        new ClusterPorts(stores, bsls, real.secrets()), w.options, w.clock, () -> 0.5);
  }
}
