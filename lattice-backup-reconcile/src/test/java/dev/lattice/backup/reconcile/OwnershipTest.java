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

import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.Condition;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.plan.internal.Conditions;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.reconcile.port.SecretPort;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslLabels;
import dev.lattice.backup.translate.bsl.BslSpec;
import dev.lattice.backup.translate.bsl.ObjectStorage;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The reconciler writes or deletes a BSL or a Secret only when its labels prove it belongs to that
 * store; anything else at the name makes the store report {@code NameConflict}, and is never
 * touched, at creation and at deletion, and not even when it appears between the read and the
 * write. Before this rule, a Secret someone else had put at a mirror's name was overwritten, and
 * deleted with the store.
 */
class OwnershipTest {
  private static final StoreKey TENANT = new StoreKey("team-a", "backups");
  private static final SecretData FOREIGN_DATA = Fixtures.cloud("someone-elses-key");

  /**
   * Another tenant's store that is invalid, so that it keeps whatever its labels say is its (as a
   * store whose hash collided with ours would hold our name).
   */
  private static void otherStore(World w) {
    w.create(Fixtures.store("team-b", "other", false, Fixtures.gcs("Not_A_Bucket", "k")));
  }

  /** A tenant store whose credentials are mirrored, with its Secret present. */
  private static World tenant() {
    World w = new World();
    w.cluster.putSecret("team-a", "gcs-key", Fixtures.cloud("tenant-key"));
    w.create(Fixtures.store("team-a", "backups", false, Fixtures.gcs("team-a-bucket", "gcs-key")));
    return w;
  }

  private static String bslName(World w) {
    return dev.lattice.backup.translate.Translator.bslName(
        TENANT.namespace(), TENANT.name(), w.options.translation());
  }

  private static String mirrorName(World w) {
    return bslName(w) + "-credentials";
  }

  private static Condition ready(BackupStoreStatus status) {
    return status.condition(Conditions.READY).orElseThrow();
  }

  @Test
  void aForeignSecretAtTheMirrorsNameIsNeverOverwrittenNorDeleted() {
    World w = tenant();
    w.cluster.putSecret(VELERO, mirrorName(w), FOREIGN_DATA);

    w.reconcile();

    BackupStoreStatus status = w.status("team-a", "backups");
    assertThat(status.phase()).isEqualTo(BackupStorePhase.FAILED);
    assertThat(ready(status).reason()).isEqualTo(Conditions.REASON_NAME_CONFLICT);
    assertThat(ready(status).message())
        .isEqualTo(
            "Secret velero/"
                + mirrorName(w)
                + " exists and is not managed by lattice-backup; it is left alone");
    assertThat(w.cluster.secret(VELERO, mirrorName(w))).contains(FOREIGN_DATA);
    assertThat(w.cluster.bsl(bslName(w))).as("no BSL without its Secret").isEmpty();

    w.cluster.deleteStore(TENANT);
    w.reconcile();

    assertThat(w.cluster.store(TENANT)).as("the finalizer is released").isEmpty();
    assertThat(w.cluster.secret(VELERO, mirrorName(w))).contains(FOREIGN_DATA);
    assertThat(w.cluster.foreignWrites()).isEmpty();
  }

  @Test
  void aSecretLabelledForAnotherStoreIsThatStoresAndNotTouched() {
    World w = tenant();
    ObjectMetadata other =
        BslLabels.ownedBy(
                ObjectMetadata.builder().namespace(VELERO).name(mirrorName(w)), "team-b", "other")
            .build();
    w.cluster.putSecret(other, FOREIGN_DATA);
    otherStore(w);

    w.reconcile();
    w.cluster.deleteStore(TENANT);
    w.reconcile();

    assertThat(w.cluster.secret(VELERO, mirrorName(w))).contains(FOREIGN_DATA);
    assertThat(w.cluster.foreignWrites()).isEmpty();
  }

  @Test
  void aBslLabelledForAnotherStoreIsANameConflictAtCreationAndDeletion() {
    World w = tenant();
    BackupStorageLocation squatter =
        new BackupStorageLocation(
            BslLabels.ownedBy(
                    ObjectMetadata.builder().namespace(VELERO).name(bslName(w)), "team-b", "other")
                .build(),
            new BslSpec(
                "gcp",
                new ObjectStorage("their-bucket", Optional.empty()),
                Map.of(),
                Optional.empty(),
                false));
    w.cluster.putForeignBsl(squatter);
    otherStore(w);

    w.reconcile();

    Condition ready = ready(w.status("team-a", "backups"));
    assertThat(ready.reason()).isEqualTo(Conditions.REASON_NAME_CONFLICT);
    assertThat(ready.message())
        .isEqualTo(
            "BackupStorageLocation velero/"
                + bslName(w)
                + " belongs to BackupStore team-b/other; it is left alone");
    assertThat(w.cluster.secret(VELERO, mirrorName(w))).as("nothing written for it").isEmpty();
    w.cluster.deleteStore(TENANT);
    w.reconcile();
    assertThat(w.cluster.bsl(bslName(w)).orElseThrow().spec().objectStorage().bucket())
        .isEqualTo("their-bucket");
    assertThat(w.cluster.foreignWrites()).isEmpty();
  }

  @Test
  void anObjectLabelledAsOursThatNamesNoStoreIsLeftAlone() {
    World w = new World();
    BackupStorageLocation nameless =
        new BackupStorageLocation(
            ObjectMetadata.builder()
                .namespace(VELERO)
                .name("lattice-somebody")
                .label(BslLabels.MANAGED_BY, BslLabels.MANAGER)
                .build(),
            new BslSpec(
                "aws",
                new ObjectStorage("b", Optional.empty()),
                Map.of("region", "us-east-1"),
                Optional.empty(),
                false));
    w.cluster.putForeignBsl(nameless);
    w.cluster.putSecret(
        ObjectMetadata.builder()
            .namespace(VELERO)
            .name("lattice-somebody-credentials")
            .label(BslLabels.MANAGED_BY, BslLabels.MANAGER)
            .annotation(BslLabels.STORE, "team-a/x")
            .label(BslLabels.STORE_NAMESPACE, "team-b")
            .build(),
        FOREIGN_DATA);

    ReconcileOutcome outcome = w.reconcile();

    assertThat(outcome.writes()).isZero();
    assertThat(w.cluster.bsl("lattice-somebody")).isPresent();
    assertThat(w.cluster.secret(VELERO, "lattice-somebody-credentials")).contains(FOREIGN_DATA);
  }

  @Test
  void aSecretThatAppearsBetweenTheReadAndTheWriteIsNotOverwritten() {
    World w = tenant();
    SecretPort racing =
        new DelegatingPorts.Secrets(w.cluster.ports().secrets()) {
          @Override
          public void applyMirrored(MirroredSecret secret, Optional<String> resourceVersion)
              throws PortException {
            // someone else creates a Secret of this name just before our write arrives
            w.cluster.putSecret(VELERO, secret.name(), FOREIGN_DATA);
            super.applyMirrored(secret, resourceVersion);
          }
        };
    ClusterPorts ports = w.cluster.ports();
    Reconciler reconciler =
        new Reconciler(
            new ClusterPorts(ports.stores(), ports.bsls(), racing), w.options, w.clock, () -> 0.5);

    ReconcileOutcome first = reconciler.reconcile();

    assertThat(first.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.failure()).isInstanceOf(PortFailure.Conflict.class));
    assertThat(w.cluster.secret(VELERO, mirrorName(w))).contains(FOREIGN_DATA);
    assertThat(w.cluster.bsl(bslName(w))).as("the BSL waits for its Secret").isEmpty();

    w.reconcile();
    assertThat(ready(w.status("team-a", "backups")).reason())
        .isEqualTo(Conditions.REASON_NAME_CONFLICT);
    assertThat(w.cluster.secret(VELERO, mirrorName(w))).contains(FOREIGN_DATA);
    assertThat(w.cluster.foreignWrites()).isEmpty();
  }

  @Test
  void anObjectReplacedBetweenTheReadAndTheDeleteIsNotDeleted() throws PortException {
    World w = tenant();
    w.reconcile();
    assertThat(w.cluster.secret(VELERO, mirrorName(w))).contains(Fixtures.cloud("tenant-key"));
    w.cluster.deleteStore(TENANT);
    SecretPort racing =
        new DelegatingPorts.Secrets(w.cluster.ports().secrets()) {
          @Override
          public void deleteMirrored(String name, String resourceVersion) throws PortException {
            // someone replaces our Secret by theirs just before the delete arrives
            w.cluster.putSecret(VELERO, name, FOREIGN_DATA);
            super.deleteMirrored(name, resourceVersion);
          }
        };
    ClusterPorts ports = w.cluster.ports();
    Reconciler reconciler =
        new Reconciler(
            new ClusterPorts(ports.stores(), ports.bsls(), racing), w.options, w.clock, () -> 0.5);

    ReconcileOutcome outcome = reconciler.reconcile();

    assertThat(outcome.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.failure()).isInstanceOf(PortFailure.Conflict.class));
    assertThat(w.cluster.secret(VELERO, mirrorName(w))).contains(FOREIGN_DATA);
    assertThat(w.cluster.store(TENANT)).as("the finalizer stays until it is clean").isPresent();
  }

  @Test
  void aPlatformStoresLegacyNameHeldByAForeignBslIsANameConflict() {
    World w = new World();
    w.cluster.putForeignBsl(
        new BackupStorageLocation(
            ObjectMetadata.builder().namespace(VELERO).name("lattice-main").build(),
            new BslSpec(
                "aws",
                new ObjectStorage("foreign-bucket", Optional.empty()),
                Map.of("region", "us-east-1"),
                Optional.empty(),
                false)));
    w.create(Fixtures.store(PLATFORM, "main", false, Fixtures.s3("main-bucket")));

    w.reconcile();

    assertThat(ready(w.status(PLATFORM, "main")).reason())
        .isEqualTo(Conditions.REASON_NAME_CONFLICT);
    assertThat(w.cluster.bsl("lattice-main").orElseThrow().spec().objectStorage().bucket())
        .isEqualTo("foreign-bucket");
    assertThat(w.cluster.foreignWrites()).isEmpty();
  }
}
