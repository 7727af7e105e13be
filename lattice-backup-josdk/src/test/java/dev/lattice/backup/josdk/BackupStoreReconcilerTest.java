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
package dev.lattice.backup.josdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.memory.FaultInjector;
import dev.lattice.backup.junit.memory.InMemoryCluster;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BslLabels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JOSDK glue against {@link InMemoryCluster}: the store's status goes to JOSDK instead of the
 * cluster, the finalizer is left for JOSDK to remove once cleanup is done, everything else is
 * written by lattice-backup; and BSLs and Secrets map to the store their metadata proves.
 */
class BackupStoreReconcilerTest {
  static final KubernetesSerialization JSON = new KubernetesSerialization();
  static final StoreKey KEY = new StoreKey("lattice-system", "production-s3");

  InMemoryCluster cluster;
  Passes passes;
  Reconciler lattice;
  BackupStoreReconciler reconciler;

  Reconciler reconcilerLattice() {
    return lattice;
  }

  @BeforeEach
  void setUp() throws IOException {
    cluster = InMemoryCluster.create();
    cluster.createStore(
        BackupStoreCodec.strict().read(Files.readString(Path.of("../examples/s3-store.yaml"))));
    ClusterPorts ports = cluster.ports();
    passes = new Passes(ports.stores());
    lattice =
        new Reconciler(
            new ClusterPorts(passes, ports.bsls(), ports.secrets(), ports.veleroNamespace()),
            ReconcileOptions.defaults(),
            // A fixed clock: the store in the cluster has no status (JOSDK writes it), so each pass
            // dates its conditions anew, and two passes a second apart would differ.
            java.time.Clock.fixed(
                java.time.Instant.parse("2026-12-07T12:00:00Z"), java.time.ZoneOffset.UTC),
            () -> 0.5);
    reconciler = new BackupStoreReconciler(lattice, passes, new InformerReads());
  }

  /** The store as JOSDK would hand it over: the cluster's store, through the typed resource. */
  BackupStoreResource resource() {
    BackupStore store = cluster.store(KEY).orElseThrow();
    BackupStoreResource r =
        JSON.unmarshal(BackupStoreCodec.lenient().writeJson(store), BackupStoreResource.class);
    r.setMetadata(store.metadata().toFabric8());
    return r;
  }

  @Test
  void theStatusGoesToJosdkAndEverythingElseToTheCluster() {
    UpdateControl<BackupStoreResource> control = reconciler.reconcile(resource(), null);

    assertThat(cluster.bsl("lattice-production-s3")).isPresent();
    assertThat(control.isPatchStatus()).isTrue();
    BackupStoreStatus status = control.getResource().orElseThrow().toModel().status().orElseThrow();
    assertThat(status.phase()).isEqualTo(BackupStorePhase.PENDING);
    assertThat(status.veleroBslName()).contains("lattice-production-s3");
    assertThat(cluster.store(KEY).orElseThrow().status())
        .as("the status is not written behind JOSDK's back")
        .isEmpty();
    assertThat(control.getScheduleDelay()).as("recheck while Pending").isPresent();
  }

  @Test
  void anUnchangedStatusIsNotPatchedAgain() {
    UpdateControl<BackupStoreResource> first = reconciler.reconcile(resource(), null);
    BackupStoreResource again = resource();
    again.setStatus(first.getResource().orElseThrow().getStatus());

    UpdateControl<BackupStoreResource> second = reconciler.reconcile(again, null);

    assertThat(second.isPatchStatus()).isFalse();
    assertThat(second.isNoUpdate()).isTrue();
  }

  @Test
  void cleanupDeletesTheBslAndLeavesTheFinalizerToJosdk() {
    reconciler.reconcile(resource(), null);
    cluster.deleteStore(KEY);

    DeleteControl control = reconciler.cleanup(resource(), null);

    assertThat(control.isRemoveFinalizer()).isTrue();
    assertThat(cluster.bsl("lattice-production-s3")).isEmpty();
    assertThat(cluster.store(KEY).orElseThrow().metadata().finalizers())
        .containsExactly(ReconcileOptions.DEFAULT_FINALIZER);
  }

  @Test
  void aCleanupThatCannotDeleteTheBslKeepsTheFinalizerAndRetries() {
    reconciler.reconcile(resource(), null);
    cluster.deleteStore(KEY);
    cluster.faults().failAlways(FaultInjector.Target.BSLS, new PortFailure.Forbidden("no"));

    DeleteControl control = reconciler.cleanup(resource(), null);

    assertThat(control.isRemoveFinalizer()).isFalse();
    assertThat(control.getScheduleDelay()).isPresent();
    assertThat(cluster.store(KEY)).isPresent();
  }

  /** Leaves the BSL of a second store whose store is then removed without cleanup. */
  String orphan() throws Exception {
    StoreKey other = new StoreKey("lattice-system", "other-s3");
    cluster.createStore(
        BackupStoreCodec.strict()
            .read(
                Files.readString(Path.of("../examples/s3-store.yaml"))
                    .replace("production-s3", "other-s3")
                    .replace("default: true", "default: false")));
    BackupStore created = cluster.store(other).orElseThrow();
    BackupStoreResource r =
        JSON.unmarshal(BackupStoreCodec.lenient().writeJson(created), BackupStoreResource.class);
    r.setMetadata(created.metadata().toFabric8());
    reconciler.reconcile(r, null);
    String bsl = "lattice-other-s3";
    assertThat(cluster.bsl(bsl)).isPresent();
    cluster.deleteStore(other);
    cluster
        .ports()
        .stores()
        .removeFinalizer(other, Optional.empty(), ReconcileOptions.DEFAULT_FINALIZER);
    assertThat(cluster.store(other)).isEmpty();
    return bsl;
  }

  /** A sweeper over the reconciler's full pass, with the caches' answers given. */
  OrphanSweeper sweeper(boolean synced, boolean orphans, int[] passes) {
    return new OrphanSweeper(
        () -> synced,
        () -> orphans,
        () -> {
          passes[0]++;
          return reconciler.sweep();
        },
        () -> true);
  }

  @Test
  void anOrphanIsCollectedByASweepThatWritesNoStatus() throws Exception {
    String bsl = orphan();
    int[] passes = {0};

    assertThat(sweeper(true, true, passes).sweepOnce()).isEqualTo(OrphanSweeper.Attempt.SWEPT);

    assertThat(cluster.bsl(bsl)).isEmpty();
    assertThat(cluster.store(KEY).orElseThrow().status())
        .as("the sweep writes no status behind JOSDK's back")
        .isEmpty();
  }

  @Test
  void withoutAnOrphanNoSweepRuns() throws Exception {
    String bsl = orphan();
    int[] passes = {0};

    assertThat(sweeper(true, false, passes).sweepOnce()).isEqualTo(OrphanSweeper.Attempt.NOTHING);

    assertThat(passes[0]).isZero();
    assertThat(cluster.bsl(bsl)).as("no pass, nothing collected").isPresent();
  }

  @Test
  void beforeTheCachesHaveSyncedASweepWaitsAndDeletesNothing() throws Exception {
    String bsl = orphan();
    int[] passes = {0};

    assertThat(sweeper(false, true, passes).sweepOnce()).isEqualTo(OrphanSweeper.Attempt.WAITING);

    assertThat(passes[0]).isZero();
    assertThat(cluster.bsl(bsl)).isPresent();
  }

  @Test
  void aControllerThatDoesNotProcessEventsDoesNotSweep() throws Exception {
    String bsl = orphan();
    OrphanSweeper follower =
        new OrphanSweeper(() -> true, () -> true, reconciler::sweep, () -> false);

    assertThat(follower.sweepOnce()).isEqualTo(OrphanSweeper.Attempt.WAITING);

    assertThat(cluster.bsl(bsl)).isPresent();
  }

  @Test
  void unboundCachesAreNeitherSyncedNorHoldOrphans() {
    InformerReads reads = new InformerReads();

    assertThat(reads.synced()).isFalse();
    assertThat(reads.hasOrphans()).isFalse();
  }

  @Test
  void bslsAndSecretsMapToTheStoreTheirMetadataProves() {
    ConfigMap owned =
        new ConfigMapBuilder()
            .withMetadata(
                BslLabels.ownedBy(ObjectMetadata.builder().name("x"), "team-a", "store")
                    .build()
                    .toFabric8())
            .build();
    assertThat(BackupStoreReconciler.owner(owned))
        .containsExactly(new ResourceID("store", "team-a"));

    ConfigMap foreign =
        new ConfigMapBuilder().withNewMetadata().withName("y").endMetadata().build();
    assertThat(BackupStoreReconciler.owner(foreign)).isEmpty();

    ConfigMap contradicted =
        new ConfigMapBuilder()
            .withMetadata(
                BslLabels.ownedBy(ObjectMetadata.builder().name("z"), "team-a", "store")
                    .label(BslLabels.STORE_NAME, "other")
                    .build()
                    .toFabric8())
            .build();
    assertThat(BackupStoreReconciler.owner(contradicted)).isEqualTo(Set.of());
  }

  @Test
  void theTypedResourceReadsWhatTheApiServerSendsAndWritesTheCrdsStatus() {
    BackupStore store = cluster.store(KEY).orElseThrow();
    BackupStoreResource r =
        JSON.unmarshal(BackupStoreCodec.lenient().writeJson(store), BackupStoreResource.class);
    r.setMetadata(store.metadata().toFabric8());
    BackupStoreStatus status =
        BackupStoreStatus.of(BackupStorePhase.READY).withVeleroBslName("lattice-production-s3");
    r.setStatus(BackupStoreResource.Status.of(status));

    BackupStoreResource back = JSON.unmarshal(JSON.asJson(r), BackupStoreResource.class);

    assertThat(back.toModel()).isEqualTo(store.withStatus(status));
    assertThat(JSON.asJson(r)).contains("\"kind\":\"BackupStore\"", "\"phase\":\"Ready\"");
  }

  @Test
  void aSpecThatDoesNotFitTheModelStillReachesTheReconciler() {
    BackupStoreResource r =
        JSON.unmarshal(
            "{\"apiVersion\":\"lattice.dev/v1alpha1\",\"kind\":\"BackupStore\","
                + "\"metadata\":{\"name\":\"odd\",\"namespace\":\"team-a\"},"
                + "\"spec\":{\"storage\":{\"provider\":42}}}",
            BackupStoreResource.class);

    BackupStore store = r.toModel();

    assertThat(store.metadata().key()).isEqualTo("team-a/odd");
    assertThat(store.spec()).isNull();
    assertThat(Map.of("spec", r.getSpec().json().toString()).get("spec")).contains("42");
  }
}
