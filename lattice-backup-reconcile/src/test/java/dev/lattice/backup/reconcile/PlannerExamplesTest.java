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

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.Condition;
import dev.lattice.backup.model.ConditionStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.plan.internal.Conditions;
import dev.lattice.backup.reconcile.plan.internal.ObservedState;
import dev.lattice.backup.reconcile.plan.internal.Planner;
import dev.lattice.backup.reconcile.plan.internal.Reads;
import dev.lattice.backup.reconcile.plan.internal.SecretRef;
import dev.lattice.backup.reconcile.plan.internal.SourceSecret;
import dev.lattice.backup.reconcile.plan.internal.StatusRules;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.VeleroPhase;
import dev.lattice.backup.translate.ForeignDefaultPolicy;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.TranslationResult;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Planner cases the generated observations do not reach, one bug class each. */
class PlannerExamplesTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final ReconcileOptions OPTIONS = Fixtures.OPTIONS;
  private static final StoreKey MAIN = new StoreKey(PLATFORM, "main");

  @Test
  void anOwnerAnnotationThatIsNotNamespaceSlashNameMakesOurObjectsOwnerlessAndLeavesThemAlone() {
    List<ObservedBsl> bsls =
        List.of(
            ourBsl("lattice-a", "/name-only"),
            ourBsl("lattice-b", "namespace-only/"),
            ourBsl("lattice-c", "no-slash"));
    List<MirroredSecret> secrets = List.of(ourSecret("lattice-d-credentials", "/x"));

    Plan plan = Planner.plan(observed(List.of(), bsls, secrets), OPTIONS, NOW);

    // Their labels prove no store owns them: nothing deletes or writes them.
    assertThat(plan.actions()).isEmpty();
  }

  @Test
  void ourBslThatLostOneOfOurLabelsIsReapplied() {
    BackupStore store = live(Fixtures.store(PLATFORM, "main", false, Fixtures.s3("bucket")));
    BackupStorageLocation desired = translated(store).bsl().withDefault(false);
    TreeMap<String, String> labels = new TreeMap<>(desired.metadata().labels());
    labels.remove(BslLabels.STORE_NAME);
    ObservedBsl stripped =
        new ObservedBsl(
            desired.metadata().toBuilder().labels(labels).resourceVersion("3").build(),
            desired.spec(),
            Optional.empty(),
            Optional.empty());

    Plan plan = Planner.plan(observed(List.of(store), List.of(stripped), List.of()), OPTIONS, NOW);

    assertThat(plan.actions()).contains(new Action.ApplyBsl(MAIN, desired, Optional.of("3")));
  }

  @Test
  void aStoresBslAndSecretUnderOldNamesAreDeletedWhenItsCurrentOnesAreApplied() {
    BackupStore store =
        live(Fixtures.store(PLATFORM, "main", false, Fixtures.minio("bucket", "creds")));
    TranslationResult.Translated t = translated(store);
    String bsl = t.bsl().name();
    String secret = t.mirror().orElseThrow().targetName();
    ObservedState state =
        new ObservedState(
            List.of(store),
            List.of(ourBsl("lattice-old-name", MAIN.toString())),
            true,
            List.of(ourSecret("lattice-old-name-credentials", MAIN.toString())),
            new TreeMap<>(
                Map.of(
                    new SecretRef(PLATFORM, "creds"),
                    new SourceSecret.Present(Fixtures.cloud("k")))));

    List<Action> actions = Planner.plan(state, OPTIONS, NOW).actions();

    assertThat(actions)
        .contains(
            new Action.DeleteBsl("lattice-old-name", Optional.of(MAIN), "5"),
            new Action.DeleteSecret("lattice-old-name-credentials", Optional.of(MAIN), "5"));
    assertThat(actions)
        .anyMatch(a -> a instanceof Action.ApplyBsl apply && apply.bsl().name().equals(bsl))
        .anyMatch(
            a -> a instanceof Action.ApplySecret apply && apply.secret().name().equals(secret))
        .noneMatch(a -> a instanceof Action.DeleteBsl d && d.bslName().equals(bsl))
        .noneMatch(a -> a instanceof Action.DeleteSecret d && d.secretName().equals(secret));
  }

  @Test
  void aBslOfOursThatBelongsToAnotherStoreIsANameConflictAndIsNotReportedOn() {
    BackupStore store = live(Fixtures.store(PLATFORM, "main", true, Fixtures.s3("bucket")));
    String name = translated(store).bsl().name();
    ObservedBsl taken =
        new ObservedBsl(
            ourBsl(name, "team-x/other").metadata(),
            ourBsl(name, "team-x/other").spec(),
            Optional.of(VeleroPhase.AVAILABLE),
            Optional.empty());

    Plan plan = Planner.plan(observed(List.of(store), List.of(taken), List.of()), OPTIONS, NOW);

    assertThat(plan.actions()).noneMatch(a -> a instanceof Action.ApplyBsl);
    BackupStoreStatus status = plan.statuses().get(MAIN);
    assertThat(status.phase()).isEqualTo(BackupStorePhase.FAILED);
    assertThat(condition(status, Conditions.READY).reason())
        .isEqualTo(Conditions.REASON_NAME_CONFLICT);
    assertThat(status.message().orElseThrow()).contains("team-x/other");
    Condition bsl = condition(status, Conditions.BSL_AVAILABLE);
    assertThat(bsl.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(bsl.reason()).isEqualTo(Conditions.REASON_NOT_APPLIED);
    Condition dflt = condition(status, Conditions.DEFAULT);
    assertThat(dflt.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(dflt.reason()).isEqualTo(Conditions.REASON_NAME_CONFLICT);
  }

  @Test
  void defaultUnsetsAreInNameOrderWhereverTheyComeFrom() {
    ReconcileOptions takeOver =
        ReconcileOptions.of(
            Fixtures.TRANSLATION.toBuilder()
                .foreignDefaultPolicy(ForeignDefaultPolicy.TAKE_OVER)
                .build());
    BackupStore invalid = live(Fixtures.store(PLATFORM, "main", true, Fixtures.s3("Bad_Bucket")));
    BackupStore spare = live(Fixtures.store(PLATFORM, "spare", true, Fixtures.s3("spare-bucket")));
    ObservedBsl kept = ourBsl("lattice-main", MAIN.toString());
    kept =
        new ObservedBsl(
            kept.metadata(), kept.spec().withDefault(true), kept.phase(), kept.message());
    ObservedBsl foreign =
        new ObservedBsl(
            ObjectMetadata.named("velero-default").withNamespace(VELERO),
            kept.spec(),
            Optional.empty(),
            Optional.empty());

    Plan plan =
        Planner.plan(
            observed(List.of(invalid, spare), List.of(foreign, kept), List.of()), takeOver, NOW);

    assertThat(plan.actions())
        .filteredOn(a -> a instanceof Action.SetDefault)
        .extracting(a -> ((Action.SetDefault) a).bslName())
        .containsExactly("lattice-main", "velero-default");
  }

  @Test
  void aBlockedStoreIsNotTheDefaultAndSaysWhyOnlyIfItAskedToBe() {
    BackupStore wants =
        live(Fixtures.store(PLATFORM, "main", true, Fixtures.gcs("bucket", "missing")));
    BackupStore doesNot =
        live(Fixtures.store(PLATFORM, "spare", false, Fixtures.gcs("bucket", "missing")));
    ObservedState state =
        new ObservedState(
            List.of(wants, doesNot),
            List.of(),
            true,
            List.of(),
            new TreeMap<>(Map.of(new SecretRef(PLATFORM, "missing"), new SourceSecret.Absent())));

    Plan plan = Planner.plan(state, OPTIONS, NOW);

    Condition wanted = condition(plan.statuses().get(MAIN), Conditions.DEFAULT);
    assertThat(wanted.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(wanted.reason()).isEqualTo(Conditions.REASON_CREDENTIALS_UNAVAILABLE);
    Condition notWanted =
        condition(plan.statuses().get(new StoreKey(PLATFORM, "spare")), Conditions.DEFAULT);
    assertThat(notWanted.reason()).isEqualTo(Conditions.REASON_NOT_REQUESTED);
    assertThat(plan.actions()).noneMatch(a -> a instanceof Action.ApplyBsl);
  }

  @Test
  void anInvalidStoreWithoutABslSaysNoneWasApplied() {
    BackupStore invalid = live(Fixtures.store(PLATFORM, "main", false, Fixtures.s3("Bad_Bucket")));

    Plan plan = Planner.plan(observed(List.of(invalid), List.of(), List.of()), OPTIONS, NOW);

    Condition bsl = condition(plan.statuses().get(MAIN), Conditions.BSL_AVAILABLE);
    assertThat(bsl.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(bsl.reason()).isEqualTo(Conditions.REASON_NOT_APPLIED);
  }

  @Test
  void aStoreWithoutMetadataIsIgnored() {
    BackupStore nameless =
        Fixtures.store(PLATFORM, "main", true, Fixtures.s3("bucket")).withMetadata(null);

    Plan plan = Planner.plan(observed(List.of(nameless), List.of(), List.of()), OPTIONS, NOW);

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.statuses()).isEmpty();
    assertThat(Reads.sourcesToRead(List.of(nameless), OPTIONS)).isEmpty();
  }

  /** A condition's transition time moves exactly when its status does, after a failure too. */
  @Test
  void afterAFailureReadyKeepsItsTimeIfItWasFalseAndMovesItIfItWasTrue() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Instant t1 = Instant.parse("2026-01-01T01:00:00Z");
    PortFailure forbidden = new PortFailure.Forbidden("denied");
    BackupStoreStatus wasFalse = status(ConditionStatus.FALSE, t0);
    BackupStoreStatus wasTrue = status(ConditionStatus.TRUE, t0);

    Condition fromFalse =
        condition(StatusRules.afterFailure(wasFalse, forbidden, t1), Conditions.READY);
    Condition fromTrue =
        condition(StatusRules.afterFailure(wasTrue, forbidden, t1), Conditions.READY);

    assertThat(fromFalse.lastTransitionTime()).isEqualTo(t0);
    assertThat(fromTrue.lastTransitionTime()).isEqualTo(t1);
    assertThat(fromTrue.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(condition(StatusRules.afterFailure(wasTrue, forbidden, t1), "Other"))
        .isEqualTo(condition(wasTrue, "Other"));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static BackupStoreStatus status(ConditionStatus ready, Instant since) {
    return BackupStoreStatus.of(BackupStorePhase.READY)
        .withConditions(
            List.of(
                new Condition(Conditions.READY, ready, "Whatever", "", since, Optional.of(1L)),
                new Condition("Other", ConditionStatus.TRUE, "Fine", "", since, Optional.of(1L))));
  }

  private static Condition condition(BackupStoreStatus status, String type) {
    return status.condition(type).orElseThrow(() -> new AssertionError("no " + type));
  }

  private static BackupStore live(BackupStore store) {
    return store.withMetadata(
        store.metadata().toBuilder()
            .generation(1L)
            .resourceVersion("7")
            .creationTimestamp(NOW.minus(Duration.ofHours(1)))
            .finalizers(List.of(ReconcileOptions.DEFAULT_FINALIZER))
            .build());
  }

  private static TranslationResult.Translated translated(BackupStore store) {
    return (TranslationResult.Translated) Translator.translate(store, OPTIONS.translation());
  }

  private static ObservedBsl ourBsl(String name, String owner) {
    BackupStorageLocation bsl =
        new BackupStorageLocation(
            ours(name, owner),
            translated(live(Fixtures.store(PLATFORM, "any", false, Fixtures.s3("any-bucket"))))
                .bsl()
                .spec());
    return ObservedBsl.unvalidated(bsl);
  }

  private static MirroredSecret ourSecret(String name, String owner) {
    return new MirroredSecret(ours(name, owner), Fixtures.cloud("old"));
  }

  /** The metadata of an object of ours in Velero's namespace, for the store {@code owner}. */
  private static ObjectMetadata ours(String name, String owner) {
    return ObjectMetadata.builder()
        .namespace(VELERO)
        .name(name)
        .label(BslLabels.MANAGED_BY, BslLabels.MANAGER)
        .annotation(BslLabels.STORE, owner)
        .resourceVersion("5")
        .build();
  }

  /** An observation with Velero installed and no credentials Secrets. */
  private static ObservedState observed(
      List<BackupStore> stores, List<ObservedBsl> bsls, List<MirroredSecret> mirrored) {
    return new ObservedState(stores, bsls, true, mirrored, new TreeMap<>());
  }
}
