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
import static dev.lattice.backup.reconcile.Fixtures.VELERO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.memory.FaultInjector;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.Condition;
import dev.lattice.backup.model.ConditionStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.translate.ForeignDefaultPolicy;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslLabels;
import dev.lattice.backup.translate.bsl.BslSpec;
import dev.lattice.backup.translate.bsl.ObjectStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scenarios, one by one, on the in-memory cluster. */
class ReconcileScenariosTest {

  private static Condition condition(BackupStoreStatus status, String type) {
    return status
        .condition(type)
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + status));
  }

  private static World seeded() {
    World w = new World();
    w.cluster.putSecret(PLATFORM, "minio-creds", Fixtures.cloud("minio-access-key"));
    w.cluster.putSecret(VELERO, "velero-credentials-aws-prod", Fixtures.cloud("aws-access-key"));
    w.create(Fixtures.seed("s3-store.yaml"));
    w.create(Fixtures.seed("minio-store.yaml"));
    return w;
  }

  @Test
  void createGoesPendingThenReadyOnceVeleroSaysAvailable() {
    World w = seeded();

    ReconcileOutcome first = w.reconcile();

    assertThat(first.failures()).isEmpty();
    ObservedBsl s3 = w.cluster.bsl("lattice-production-s3").orElseThrow();
    assertThat(s3.spec().provider()).isEqualTo("aws");
    assertThat(s3.spec().objectStorage().bucket()).isEqualTo("lattice-backups");
    assertThat(s3.spec().config()).containsEntry("region", "us-east-1");
    assertThat(s3.spec().isDefault()).isTrue();
    assertThat(s3.metadata().labels())
        .containsEntry("app.kubernetes.io/managed-by", "lattice-backup");
    ObservedBsl minio = w.cluster.bsl("lattice-local-minio").orElseThrow();
    assertThat(minio.spec().isDefault()).isFalse();
    assertThat(minio.spec().config())
        .containsEntry("s3Url", "http://minio.minio-system.svc:9000")
        .containsEntry("s3ForcePathStyle", "true")
        .containsEntry("region", "us-east-1");
    assertThat(minio.spec().credential().orElseThrow().name())
        .isEqualTo("lattice-local-minio-credentials");
    assertThat(w.cluster.secret(VELERO, "lattice-local-minio-credentials"))
        .contains(Fixtures.cloud("minio-access-key"));

    BackupStoreStatus pending = w.status(PLATFORM, "production-s3");
    assertThat(pending.phase()).isEqualTo(BackupStorePhase.PENDING);
    assertThat(pending.veleroBslName()).contains("lattice-production-s3");
    assertThat(pending.observedGeneration()).contains(1L);
    assertThat(condition(pending, "Ready").status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(condition(pending, "Ready").reason()).isEqualTo("ValidationPending");
    assertThat(condition(pending, "SpecValid").status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(condition(pending, "BackupStorageLocationAvailable").status())
        .isEqualTo(ConditionStatus.UNKNOWN);
    assertThat(condition(pending, "Default").status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(condition(w.status(PLATFORM, "local-minio"), "Default").reason())
        .isEqualTo("NotRequested");
    assertThat(first.requeueAfter()).contains(Duration.ofSeconds(15));
    assertThat(w.store(PLATFORM, "production-s3").metadata().finalizers())
        .containsExactly("lattice.dev/backup-store-cleanup");

    w.cluster.velero().validateAll();
    ReconcileOutcome second = w.reconcile();

    BackupStoreStatus ready = w.status(PLATFORM, "production-s3");
    assertThat(ready.phase()).isEqualTo(BackupStorePhase.READY);
    assertThat(condition(ready, "Ready").status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(condition(ready, "BackupStorageLocationAvailable").reason()).isEqualTo("Available");
    assertThat(w.status(PLATFORM, "local-minio").phase()).isEqualTo(BackupStorePhase.READY);
    assertThat(second.writes()).isEqualTo(2); // the two statuses, nothing else
    assertThat(second.requeueAfter()).isEmpty();

    ReconcileOutcome third = w.reconcile();
    assertThat(third.wasConverged()).isTrue();
    assertThat(third.writes()).isZero();
    assertThat(w.plan().isEmpty()).isTrue();
  }

  @Test
  void veleroMissingIsPendingAndInstallingItLaterMakesTheStoreReady() {
    World w = seeded();
    w.cluster.velero().installed(false);

    ReconcileOutcome outcome = w.reconcile();

    assertThat(outcome.failures()).isEmpty();
    BackupStoreStatus status = w.status(PLATFORM, "production-s3");
    assertThat(status.phase()).isEqualTo(BackupStorePhase.PENDING);
    assertThat(status.message().orElseThrow()).startsWith("Velero is not installed");
    assertThat(condition(status, "Ready").reason()).isEqualTo("VeleroNotInstalled");
    assertThat(outcome.done()).noneMatch(a -> a instanceof Action.ApplyBsl);
    assertThat(outcome.done()).noneMatch(a -> a instanceof Action.ApplySecret);
    assertThat(w.reconcile().writes()).isZero();

    w.cluster.velero().installed(true);
    w.cluster.putSecret(VELERO, "velero-credentials-aws-prod", Fixtures.cloud("aws-access-key"));
    w.reconcile();
    assertThat(w.cluster.bsls()).hasSize(2);
    assertThat(w.status(PLATFORM, "production-s3").phase()).isEqualTo(BackupStorePhase.PENDING);
    w.cluster.velero().validateAll();
    w.reconcile();
    assertThat(w.status(PLATFORM, "production-s3").phase()).isEqualTo(BackupStorePhase.READY);
  }

  @Test
  void aBslWriteRefusedForAMissingTypeMakesThePendingStatusAStaleCacheWouldHide() {
    // A cache still lists BSLs after Velero's CRD was deleted; only the write finds out.
    World w = seeded();
    w.cluster
        .faults()
        .failNextWrite(
            FaultInjector.Target.BSLS,
            new PortFailure.ResourceTypeMissing("apply BackupStorageLocation: HTTP 404"));

    ReconcileOutcome outcome = w.reconcile();

    assertThat(outcome.failures())
        .isNotEmpty()
        .allMatch(f -> f.failure() instanceof PortFailure.ResourceTypeMissing);
    BackupStoreStatus status = w.status(PLATFORM, "production-s3");
    assertThat(status.phase()).isEqualTo(BackupStorePhase.PENDING);
    assertThat(condition(status, "Ready").reason()).isEqualTo("VeleroNotInstalled");
    assertThat(status.message().orElseThrow()).contains("backupstoragelocations.velero.io");
    assertThat(outcome.requeueAfter())
        .as("waits for Velero as a Pending store does, without a growing backoff")
        .contains(w.options.pendingRecheck());

    w.reconcile();
    assertThat(w.cluster.bsls()).hasSize(2);
  }

  @Test
  void unavailableIsFailedWithVelerosMessage() {
    World w = seeded();
    w.reconcile();
    w.cluster.velero().breakLocation("lattice-local-minio", "dial tcp 10.0.0.9:9000: i/o timeout");
    w.cluster.velero().validateAll();

    ReconcileOutcome outcome = w.reconcile();

    BackupStoreStatus status = w.status(PLATFORM, "local-minio");
    assertThat(status.phase()).isEqualTo(BackupStorePhase.FAILED);
    assertThat(status.message().orElseThrow())
        .isEqualTo(
            "Velero reports BackupStorageLocation velero/lattice-local-minio Unavailable: dial tcp"
                + " 10.0.0.9:9000: i/o timeout");
    Condition available = condition(status, "BackupStorageLocationAvailable");
    assertThat(available.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(available.reason()).isEqualTo("Unavailable");
    assertThat(available.message()).isEqualTo("dial tcp 10.0.0.9:9000: i/o timeout");
    assertThat(outcome.requeueAfter()).contains(Duration.ofMinutes(5));
  }

  @Test
  void deletingAStoreDeletesItsBslAndMirroredSecretThenReleasesIt() {
    World w = seeded();
    w.reconcile();
    assertThat(w.cluster.secret(VELERO, "lattice-local-minio-credentials")).isPresent();

    w.cluster.deleteStore(new StoreKey(PLATFORM, "local-minio"));
    assertThat(w.cluster.store(new StoreKey(PLATFORM, "local-minio"))).isPresent();
    ReconcileOutcome outcome = w.reconcile();

    assertThat(outcome.failures()).isEmpty();
    assertThat(w.cluster.bsl("lattice-local-minio")).isEmpty();
    assertThat(w.cluster.secret(VELERO, "lattice-local-minio-credentials")).isEmpty();
    assertThat(w.cluster.store(new StoreKey(PLATFORM, "local-minio"))).isEmpty();
    assertThat(w.cluster.secret(PLATFORM, "minio-creds")).isPresent();
    assertThat(w.cluster.bsl("lattice-production-s3")).isPresent();
    List<String> writes = w.cluster.writes();
    assertThat(writes.indexOf("delete BackupStorageLocation lattice-local-minio"))
        .isLessThan(writes.indexOf("remove finalizer lattice-system/local-minio"));
    assertThat(writes.indexOf("delete Secret lattice-local-minio-credentials"))
        .isLessThan(writes.indexOf("remove finalizer lattice-system/local-minio"));
  }

  @Test
  void anOrphanBslOfOursIsCollectedAndAForeignOneIsNotTouched() {
    World w = seeded();
    w.cluster.putForeignBsl(
        bsl(
            "lattice-gone",
            Map.of(BslLabels.MANAGED_BY, BslLabels.MANAGER),
            Map.of(BslLabels.STORE, "team-x/gone"),
            false));
    w.cluster.putForeignBsl(bsl("default", Map.of(), Map.of(), false));
    w.cluster.putForeignBsl(
        bsl("hand-made", Map.of(BslLabels.MANAGED_BY, "someone-else"), Map.of(), false));

    w.reconcile();

    assertThat(w.cluster.bsl("lattice-gone")).isEmpty();
    assertThat(w.cluster.bsl("default")).isPresent();
    assertThat(w.cluster.bsl("hand-made")).isPresent();
    assertThat(w.cluster.foreignWrites()).isEmpty();
  }

  @Test
  void aForeignDefaultIsRespectedByDefault() {
    World w = new World();
    w.cluster.putForeignBsl(bsl("default", Map.of(), Map.of(), true));
    w.create(Fixtures.store(PLATFORM, "main", true, Fixtures.s3("main-bucket")));

    w.reconcile();

    assertThat(w.cluster.bsl("default").orElseThrow().isDefault()).isTrue();
    assertThat(w.cluster.bsl("lattice-main").orElseThrow().isDefault()).isFalse();
    Condition dflt = condition(w.status(PLATFORM, "main"), "Default");
    assertThat(dflt.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(dflt.reason()).isEqualTo("ForeignDefault");
    assertThat(w.cluster.foreignWrites()).isEmpty();
  }

  @Test
  void underTakeOverTheForeignDefaultIsUnsetBeforeOursIsSet() {
    World w =
        new World(
            ReconcileOptions.of(
                Fixtures.TRANSLATION.toBuilder()
                    .foreignDefaultPolicy(ForeignDefaultPolicy.TAKE_OVER)
                    .build()));
    w.cluster.putForeignBsl(bsl("default", Map.of(), Map.of(), true));
    w.create(Fixtures.store(PLATFORM, "main", true, Fixtures.s3("main-bucket")));

    w.reconcile();

    assertThat(w.cluster.bsl("default").orElseThrow().isDefault()).isFalse();
    assertThat(w.cluster.bsl("lattice-main").orElseThrow().isDefault()).isTrue();
    assertThat(w.cluster.foreignWrites())
        .containsExactly("set default=false on BackupStorageLocation default");
    List<String> writes = w.cluster.writes();
    assertThat(writes.indexOf("set default=false on BackupStorageLocation default"))
        .isNotNegative()
        .isLessThan(writes.indexOf("set default=true on BackupStorageLocation lattice-main"));
    assertThat(w.cluster.velero().ensureSingleDefault()).isEmpty();
  }

  @Test
  void theDefaultMovesWithoutEverHavingTwo() {
    World w = twoAskForTheDefault();
    assertThat(w.cluster.bsl("lattice-old").orElseThrow().isDefault()).isTrue();
    assertThat(w.cluster.bsl("lattice-new").orElseThrow().isDefault()).isFalse();
    Condition conflict = condition(w.status(PLATFORM, "new"), "Default");
    assertThat(conflict.reason()).isEqualTo("DefaultConflict");
    assertThat(conflict.message()).contains("lattice-system/old");

    oldGivesUpTheDefault(w);
    w.cluster.resetScore();
    ReconcileOutcome outcome = w.reconcile();

    assertThat(outcome.failures()).isEmpty();
    assertThat(w.cluster.bsl("lattice-old").orElseThrow().isDefault()).isFalse();
    assertThat(w.cluster.bsl("lattice-new").orElseThrow().isDefault()).isTrue();
    assertThat(w.cluster.maxManagedDefaults()).isEqualTo(1);
    List<String> writes = w.cluster.writes();
    assertThat(writes.indexOf("set default=false on BackupStorageLocation lattice-old"))
        .isNotNegative()
        .isLessThan(writes.indexOf("set default=true on BackupStorageLocation lattice-new"));
    assertThat(writes).noneMatch(write -> write.startsWith("apply BackupStorageLocation"));
    assertThat(condition(w.status(PLATFORM, "new"), "Default").status())
        .isEqualTo(ConditionStatus.TRUE);
  }

  @Test
  void whenUnsettingTheOldDefaultFailsTheNewOneIsNotSet() {
    World w = twoAskForTheDefault();
    oldGivesUpTheDefault(w);
    w.cluster.faults().failNextWrite(FaultInjector.Target.BSLS, new PortFailure.Transient("503"));

    ReconcileOutcome outcome = w.reconcile();

    assertThat(outcome.failures()).hasSize(1);
    assertThat(outcome.skipped()).anyMatch(a -> a instanceof Action.SetDefault set && set.value());
    assertThat(w.cluster.bsl("lattice-old").orElseThrow().isDefault()).isTrue();
    assertThat(w.cluster.bsl("lattice-new").orElseThrow().isDefault()).isFalse();
    assertThat(w.cluster.maxManagedDefaults()).isEqualTo(1);

    w.reconcile();
    assertThat(w.cluster.bsl("lattice-old").orElseThrow().isDefault()).isFalse();
    assertThat(w.cluster.bsl("lattice-new").orElseThrow().isDefault()).isTrue();
  }

  @Test
  void theDefaultMovesWhenTheDefaultStoreIsDeleted() {
    World w = twoAskForTheDefault();
    w.cluster.deleteStore(new StoreKey(PLATFORM, "old"));
    w.cluster.resetScore();

    w.reconcile();

    assertThat(w.cluster.bsl("lattice-old")).isEmpty();
    assertThat(w.cluster.bsl("lattice-new").orElseThrow().isDefault()).isTrue();
    assertThat(w.cluster.maxManagedDefaults()).isEqualTo(1);
    List<String> writes = w.cluster.writes();
    assertThat(writes.indexOf("delete BackupStorageLocation lattice-old"))
        .isNotNegative()
        .isLessThan(writes.indexOf("set default=true on BackupStorageLocation lattice-new"));
  }

  @Test
  void anInvalidStoreKeepsItsLastGoodBslReportsFailedAndLosesTheDefault() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "main", true, Fixtures.s3("main-bucket")));
    w.create(Fixtures.store(PLATFORM, "spare", true, Fixtures.s3("spare-bucket")));
    w.reconcile();
    assertThat(w.cluster.bsl("lattice-main").orElseThrow().isDefault()).isTrue();

    w.cluster.updateStoreSpec(
        new StoreKey(PLATFORM, "main"), new BackupStoreSpec(true, Fixtures.s3("NO_SUCH bucket")));
    w.cluster.resetScore();
    w.reconcile();

    ObservedBsl kept = w.cluster.bsl("lattice-main").orElseThrow();
    assertThat(kept.spec().objectStorage().bucket()).isEqualTo("main-bucket");
    assertThat(kept.isDefault()).isFalse();
    assertThat(w.cluster.bsl("lattice-spare").orElseThrow().isDefault()).isTrue();
    assertThat(w.cluster.maxManagedDefaults()).isEqualTo(1);
    BackupStoreStatus status = w.status(PLATFORM, "main");
    assertThat(status.phase()).isEqualTo(BackupStorePhase.FAILED);
    assertThat(status.message().orElseThrow())
        .startsWith("spec is invalid: spec.storage.s3.bucket: Invalid value: may contain only")
        .doesNotContain("NO_SUCH");
    assertThat(condition(status, "SpecValid").status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(condition(status, "SpecValid").reason()).isEqualTo("InvalidSpec");
    assertThat(condition(status, "Default").reason()).isEqualTo("InvalidSpec");
    assertThat(status.observedGeneration()).contains(2L);
  }

  @Test
  void missingCredentialsFailUntilTheSecretAppearsAndRotationIsOneWrite() {
    World w = new World();
    w.create(Fixtures.store("team-a", "gcs", false, Fixtures.gcs("team-a-backups", "gcs-key")));

    w.reconcile();

    BackupStoreStatus failed = w.status("team-a", "gcs");
    assertThat(failed.phase()).isEqualTo(BackupStorePhase.FAILED);
    assertThat(condition(failed, "Ready").reason()).isEqualTo("CredentialsUnavailable");
    assertThat(failed.message())
        .contains(
            "Secret team-a/gcs-key does not exist; no copy of its credentials is kept in Velero's"
                + " namespace");
    assertThat(w.cluster.bsls()).isEmpty();

    w.cluster.putSecret("team-a", "gcs-key", Fixtures.cloud("first"));
    w.reconcile();
    String bslName = failed.veleroBslName().orElseThrow();
    assertThat(w.cluster.bsl(bslName)).isPresent();
    assertThat(w.cluster.secret(VELERO, bslName + "-credentials"))
        .contains(Fixtures.cloud("first"));

    w.cluster.putSecret("team-a", "gcs-key", Fixtures.cloud("rotated"));
    w.cluster.resetScore();
    ReconcileOutcome rotation = w.reconcile();
    assertThat(w.cluster.writes()).containsExactly("apply Secret " + bslName + "-credentials");
    assertThat(rotation.writes()).isEqualTo(1);
    assertThat(w.cluster.secret(VELERO, bslName + "-credentials"))
        .contains(Fixtures.cloud("rotated"));
  }

  @Test
  void convergedIsZeroWritesAndOneChangedStoreIsOneBslWritePlusItsStatus() {
    World w = seeded();
    w.create(Fixtures.store("team-a", "a", false, Fixtures.azure("a-container")));
    w.reconcile();
    w.cluster.velero().validateAll();
    w.reconcile();
    w.cluster.resetScore();

    assertThat(w.reconcile().writes()).isZero();
    assertThat(w.cluster.writes()).isEmpty();

    w.cluster.updateStoreSpec(
        new StoreKey(PLATFORM, "production-s3"),
        new BackupStoreSpec(
            true,
            Fixtures.seed("s3-store.yaml")
                .spec()
                .storage()
                .withS3(
                    Fixtures.seed("s3-store.yaml")
                        .spec()
                        .storage()
                        .s3()
                        .orElseThrow()
                        .withBucket("lattice-backups-2"))));
    ReconcileOutcome changed = w.reconcile();

    assertThat(changed.writes()).isEqualTo(2);
    assertThat(w.cluster.writes())
        .containsExactly(
            "apply BackupStorageLocation lattice-production-s3",
            "patch status lattice-system/production-s3");
    assertThat(w.status(PLATFORM, "production-s3").observedGeneration()).contains(2L);
    assertThat(w.reconcile().writes()).isZero();
  }

  @Test
  void lastTransitionTimeMovesOnlyWhenAConditionsStatusChanges() {
    World w = seeded();
    w.reconcile();
    w.cluster.velero().validateAll();
    w.reconcile();
    Instant readySince = condition(w.status(PLATFORM, "local-minio"), "Ready").lastTransitionTime();
    Instant validSince =
        condition(w.status(PLATFORM, "local-minio"), "SpecValid").lastTransitionTime();

    w.clock.tick(Duration.ofMinutes(10));
    w.cluster.velero().breakLocation("lattice-local-minio", "bucket gone");
    w.cluster.velero().validateAll();
    w.reconcile();

    BackupStoreStatus broken = w.status(PLATFORM, "local-minio");
    assertThat(condition(broken, "Ready").lastTransitionTime()).isAfter(readySince);
    assertThat(condition(broken, "SpecValid").lastTransitionTime()).isEqualTo(validSince);

    w.clock.tick(Duration.ofMinutes(10));
    w.cluster.velero().breakLocation("lattice-local-minio", "bucket still gone");
    w.cluster.velero().validateAll();
    w.reconcile();
    BackupStoreStatus stillBroken = w.status(PLATFORM, "local-minio");
    assertThat(condition(stillBroken, "Ready").lastTransitionTime())
        .isEqualTo(condition(broken, "Ready").lastTransitionTime());
    assertThat(condition(stillBroken, "BackupStorageLocationAvailable").message())
        .isEqualTo("bucket still gone");
  }

  @Test
  void aConflictSkipsTheStoresLaterStepsAndTheRetryConverges() {
    World w = seeded();
    // calls 1-6 read (stores, BSLs, mirrored Secrets, whatever holds the mirror's name,
    // minio-creds, velero-credentials-aws-prod); call 7 is the first write
    w.cluster.faults().failNthCall(7, new PortFailure.Conflict("stale"));

    ReconcileOutcome first = w.reconcile();

    assertThat(first.failures()).hasSize(1);
    assertThat(first.failures().get(0).failure()).isInstanceOf(PortFailure.Conflict.class);
    assertThat(first.skipped()).isNotEmpty();
    assertThat(first.skipped())
        .allMatch(
            a ->
                a.subject()
                    .equals(
                        Optional.of(
                            ((Action.AddFinalizer) first.failures().get(0).action().orElseThrow())
                                .store())));
    assertThat(first.requeueAfter()).isPresent();
    Duration backoff = first.requeueAfter().orElseThrow();
    assertThat(backoff).isBetween(Duration.ofMillis(800), Duration.ofSeconds(1));

    ReconcileOutcome second = w.reconcile();
    assertThat(second.failures()).isEmpty();
    assertThat(w.plan().isEmpty()).isTrue();
  }

  @Test
  void aForbiddenApplyReportsFailedWithTheReason() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "main", false, Fixtures.s3("main-bucket")));
    w.cluster
        .faults()
        .failAlways(
            FaultInjector.Target.BSLS,
            new PortFailure.Forbidden("backupstoragelocations.velero.io is forbidden"));
    w.cluster.faults().clear();
    w.cluster.faults().failNthCall(5, new PortFailure.Forbidden("cannot create BSLs in velero"));

    ReconcileOutcome outcome = w.reconcile();

    assertThat(outcome.failures()).hasSize(1);
    assertThat(outcome.failures().get(0).action().orElseThrow())
        .isInstanceOf(Action.ApplyBsl.class);
    BackupStoreStatus status = w.status(PLATFORM, "main");
    assertThat(status.phase()).isEqualTo(BackupStorePhase.FAILED);
    assertThat(condition(status, "Ready").reason()).isEqualTo("ApplyFailed");
    assertThat(status.message().orElseThrow()).contains("cannot create BSLs in velero");
  }

  @Test
  void readingFailuresAreReportedNotThrown() {
    World w = seeded();
    w.cluster.faults().failNext(FaultInjector.Target.STORES, new PortFailure.Transient("timeout"));

    ReconcileOutcome outcome = w.reconcile();

    assertThat(outcome.failures()).hasSize(1);
    assertThat(outcome.failures().get(0).action()).isEmpty();
    assertThat(outcome.writes()).isZero();
    assertThat(outcome.requeueAfter()).isPresent();
  }

  @Test
  void consecutiveFailuresBackOffExponentiallyAndSuccessResets() {
    World w = seeded();
    w.cluster.faults().failAlways(FaultInjector.Target.STORES, new PortFailure.Transient("down"));

    Duration first = w.reconcile().requeueAfter().orElseThrow();
    Duration second = w.reconcile().requeueAfter().orElseThrow();
    Duration third = w.reconcile().requeueAfter().orElseThrow();

    assertThat(second).isEqualTo(first.multipliedBy(2));
    assertThat(third).isEqualTo(first.multipliedBy(4));
    w.cluster.faults().clear();
    assertThat(w.reconcile().failures()).isEmpty();
    w.cluster.faults().failNext(FaultInjector.Target.STORES, new PortFailure.Transient("blip"));
    assertThat(w.reconcile().requeueAfter()).contains(first);
  }

  @Test
  void reconcilingOneStoreTouchesOnlyThatStore() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "one", false, Fixtures.s3("one-bucket")));
    w.create(Fixtures.store("team-a", "a", false, Fixtures.azure("a-container")));

    ReconcileOutcome outcome = w.reconciler.reconcile(PLATFORM, "one");

    assertThat(outcome.done())
        .isNotEmpty()
        .allMatch(a -> a.subject().equals(Optional.of(new StoreKey(PLATFORM, "one"))));
    assertThat(w.cluster.bsl("lattice-one")).isPresent();
    assertThat(w.cluster.bsls()).hasSize(1);
    assertThat(w.store("team-a", "a").status()).isEmpty();
  }

  @Test
  void reconcilingTheStoreThatGivesUpTheDefaultAlsoMovesItToTheNextInLine() {
    World w = twoAskForTheDefault();
    oldGivesUpTheDefault(w);

    w.reconciler.reconcile(PLATFORM, "old");

    assertThat(w.cluster.bsl("lattice-old").orElseThrow().isDefault()).isFalse();
    assertThat(w.cluster.bsl("lattice-new").orElseThrow().isDefault()).isTrue();
    assertThat(condition(w.status(PLATFORM, "new"), "Default").status())
        .isEqualTo(ConditionStatus.FALSE);
    w.reconcile();
    assertThat(condition(w.status(PLATFORM, "new"), "Default").status())
        .isEqualTo(ConditionStatus.TRUE);
  }

  /** Stores "old" and "new" both ask for the default, old first; reconciled once: old has it. */
  private static World twoAskForTheDefault() {
    World w = new World();
    w.create(Fixtures.store(PLATFORM, "old", true, Fixtures.s3("old-bucket")));
    w.create(Fixtures.store(PLATFORM, "new", true, Fixtures.s3("new-bucket")));
    w.reconcile();
    return w;
  }

  /** Store "old" stops asking for the default (its spec changed, not yet reconciled). */
  private static void oldGivesUpTheDefault(World w) {
    w.cluster.updateStoreSpec(
        new StoreKey(PLATFORM, "old"), new BackupStoreSpec(false, Fixtures.s3("old-bucket")));
  }

  private static BackupStorageLocation bsl(
      String name, Map<String, String> labels, Map<String, String> annotations, boolean dflt) {
    return new BackupStorageLocation(
        ObjectMetadata.builder()
            .namespace(VELERO)
            .name(name)
            .labels(labels)
            .annotations(annotations)
            .build(),
        new BslSpec(
            "aws",
            new ObjectStorage("foreign-bucket", Optional.empty()),
            Map.of("region", "us-east-1"),
            Optional.empty(),
            dflt));
  }
}
