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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.backup.junit.memory.InMemoryCluster;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.port.BackupStorePort;
import dev.lattice.backup.reconcile.port.BslPort;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.SecretPort;
import dev.lattice.backup.reconcile.port.VeleroPhase;
import dev.lattice.backup.reconcile.testing.MutableClock;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslLabels;
import dev.lattice.backup.translate.bsl.BslSpec;
import dev.lattice.backup.translate.bsl.ObjectStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Laws of the in-memory cluster, the test double consumers build on: a write with a stale
 * resourceVersion is a conflict and changes nothing, a write with the current one (or none)
 * succeeds with a new, larger version; finalizers hold a deleted store until the last one goes;
 * applying a BSL keeps what the server and Velero own; the default count is the recount of our
 * default BSLs after every port write; and the foreign-write score names exactly the writes to
 * objects we do not manage.
 */
class InMemoryClusterProperties {
  private static final Instant START = Instant.parse("2026-02-01T00:00:00Z");
  private static final StoreKey KEY = new StoreKey(PLATFORM, "main");
  private static final String FIN = ReconcileOptions.DEFAULT_FINALIZER;

  // ---- optimistic concurrency ----------------------------------------------------------------

  /** One store write, with the resourceVersion it presents. */
  record Write(int kind, int version) {
    @Override
    public String toString() {
      return List.of("patch status", "add finalizer", "remove finalizer").get(kind)
          + " at "
          + (version == 0 ? "no version" : version == 1 ? "current version" : "stale version");
    }
  }

  @Property(tries = 120)
  void aStoreWriteSucceedsExactlyWithTheCurrentVersionOrNone(
      @ForAll @Size(max = 12) List<@From("writes") Write> writes) throws PortException {
    InMemoryCluster cluster = new InMemoryCluster(VELERO, new MutableClock(START));
    BackupStorePort port = cluster.ports().stores();
    cluster.createStore(Fixtures.store(PLATFORM, "main", false, Fixtures.s3("bucket")));
    List<String> seen = new ArrayList<>();
    seen.add(rv(cluster));
    for (Write w : writes) {
      BackupStore before = cluster.store(KEY).orElseThrow();
      String current = rv(cluster);
      Optional<String> presented =
          switch (w.version()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(current);
            default -> seen.stream().filter(v -> !v.equals(current)).findFirst();
          };
      boolean stale = w.version() == 2 && presented.isPresent();
      Optional<String> returned;
      try {
        returned =
            switch (w.kind()) {
              case 0 ->
                  Optional.of(
                      port.patchStatus(
                          KEY,
                          presented,
                          BackupStoreStatus.of(BackupStorePhase.PENDING).withMessage(w + "")));
              case 1 -> Optional.of(port.addFinalizer(KEY, presented, "fin-" + seen.size()));
              default -> port.removeFinalizer(KEY, presented, "fin-1");
            };
        assertThat(stale).as("a stale write succeeded").isFalse();
      } catch (PortException e) {
        assertThat(stale).as("refused: %s", e.failure()).isTrue();
        assertThat(e.failure()).isInstanceOf(PortFailure.Conflict.class);
        assertThat(cluster.store(KEY)).contains(before);
        continue;
      }
      String after = rv(cluster);
      assertThat(returned).as("the write returns the new version").contains(after);
      if (!after.equals(current)) {
        assertThat(Long.parseLong(after)).isGreaterThan(Long.parseLong(current));
        assertThat(seen).doesNotContain(after);
        seen.add(after);
      } else {
        assertThat(cluster.store(KEY)).as("no new version, no change").contains(before);
      }
    }
  }

  @Provide
  Arbitrary<Write> writes() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2))
        .as(Write::new);
  }

  @Example
  void writesToAMissingStoreAreNotFound() {
    BackupStorePort port = new InMemoryCluster(VELERO, new MutableClock(START)).ports().stores();

    assertThat(failure(() -> port.addFinalizer(KEY, Optional.empty(), FIN)))
        .isInstanceOf(PortFailure.NotFound.class);
    assertThat(failure(() -> port.removeFinalizer(KEY, Optional.empty(), FIN)))
        .isInstanceOf(PortFailure.NotFound.class);
    assertThat(
            failure(
                () ->
                    port.patchStatus(
                        KEY, Optional.of("1"), BackupStoreStatus.of(BackupStorePhase.READY))))
        .isInstanceOf(PortFailure.NotFound.class);
  }

  // ---- the user's side ------------------------------------------------------------------------

  @Example
  void createSetsTheServerFieldsAndDropsAStatus() {
    MutableClock clock = new MutableClock(START);
    InMemoryCluster cluster = new InMemoryCluster(VELERO, clock);
    BackupStore input =
        Fixtures.store(PLATFORM, "main", true, Fixtures.s3("bucket"))
            .withStatus(BackupStoreStatus.of(BackupStorePhase.READY));
    input =
        input.withMetadata(
            input.metadata().toBuilder()
                .generation(7L)
                .deletionTimestamp(START.minusSeconds(5))
                .build());

    BackupStore created = cluster.createStore(input);
    clock.tick(Duration.ofMinutes(1));
    BackupStore other =
        cluster.createStore(Fixtures.store("team-a", "main", false, Fixtures.s3("bucket")));

    assertThat(created.status()).isEmpty();
    assertThat(created.metadata().generation()).contains(1L);
    assertThat(created.metadata().creationTimestamp()).contains(START);
    assertThat(created.metadata().isBeingDeleted()).isFalse();
    assertThat(created.metadata().uid()).isPresent();
    assertThat(created.metadata().resourceVersion()).isPresent();
    assertThat(other.metadata().uid()).isNotEqualTo(created.metadata().uid());
    assertThat(other.metadata().creationTimestamp()).contains(START.plus(Duration.ofMinutes(1)));
    assertThat(cluster.store(KEY)).contains(created);
    assertThat(cluster.stores()).containsExactly(created, other);
    assertThatThrownBy(() -> cluster.createStore(input2()))
        .isInstanceOf(IllegalStateException.class);
  }

  private static BackupStore input2() {
    return Fixtures.store(PLATFORM, "main", false, Fixtures.s3("another"));
  }

  @Example
  void aSpecChangeBumpsTheGenerationAndAnEqualSpecChangesNothing() {
    InMemoryCluster cluster = new InMemoryCluster(VELERO, new MutableClock(START));
    BackupStore created = cluster.createStore(input2());

    BackupStore same = cluster.updateStoreSpec(KEY, created.spec());
    BackupStore changed =
        cluster.updateStoreSpec(KEY, new BackupStoreSpec(true, Fixtures.s3("another")));
    BackupStore again =
        cluster.updateStoreSpec(KEY, new BackupStoreSpec(false, Fixtures.s3("third")));

    assertThat(same).isEqualTo(created);
    assertThat(changed.metadata().generation()).contains(2L);
    assertThat(again.metadata().generation()).contains(3L);
    assertThat(changed.spec().isDefault()).isTrue();
    assertThat(changed.metadata().resourceVersion())
        .isNotEqualTo(created.metadata().resourceVersion());
    assertThat(cluster.store(KEY)).contains(again);
    assertThatThrownBy(() -> cluster.updateStoreSpec(new StoreKey("nowhere", "x"), created.spec()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Example
  void finalizersHoldADeletedStoreUntilTheLastOneIsRemoved() throws PortException {
    MutableClock clock = new MutableClock(START);
    InMemoryCluster cluster = new InMemoryCluster(VELERO, clock);
    BackupStorePort port = cluster.ports().stores();
    cluster.createStore(input2());
    port.addFinalizer(KEY, Optional.empty(), FIN);
    String rv = port.addFinalizer(KEY, Optional.empty(), "other.dev/hold");
    assertThat(port.addFinalizer(KEY, Optional.empty(), FIN)).as("already there").isEqualTo(rv);
    assertThat(rv(cluster)).isEqualTo(rv);

    clock.tick(Duration.ofMinutes(3));
    cluster.deleteStore(KEY);
    BackupStore deleting = cluster.store(KEY).orElseThrow();
    assertThat(deleting.metadata().deletionTimestamp()).contains(START.plusSeconds(180));
    assertThat(rv(cluster)).isNotEqualTo(rv);
    clock.tick(Duration.ofMinutes(3));
    cluster.deleteStore(KEY);
    assertThat(cluster.store(KEY)).as("a second delete changes nothing").contains(deleting);

    assertThat(failure(() -> port.addFinalizer(KEY, Optional.empty(), "late.dev/hold")))
        .isInstanceOf(PortFailure.Forbidden.class);
    assertThat(port.removeFinalizer(KEY, Optional.empty(), "not.there/at-all"))
        .contains(rv(cluster));
    assertThat(cluster.store(KEY)).contains(deleting);

    Optional<String> afterFirst = port.removeFinalizer(KEY, Optional.empty(), FIN);
    assertThat(afterFirst).isPresent().isNotEqualTo(deleting.metadata().resourceVersion());
    assertThat(cluster.store(KEY).orElseThrow().metadata().finalizers())
        .containsExactly("other.dev/hold");
    assertThat(port.removeFinalizer(KEY, Optional.empty(), "other.dev/hold")).isEmpty();
    assertThat(cluster.store(KEY)).isEmpty();
    assertThatThrownBy(() -> cluster.deleteStore(KEY)).isInstanceOf(IllegalStateException.class);
  }

  @Example
  void withoutFinalizersADeleteIsImmediateAndRemovingTheLastFinalizerOfALiveStoreKeepsIt()
      throws PortException {
    InMemoryCluster cluster = new InMemoryCluster(VELERO, new MutableClock(START));
    BackupStorePort port = cluster.ports().stores();
    cluster.createStore(input2());
    port.addFinalizer(KEY, Optional.empty(), FIN);

    Optional<String> rv = port.removeFinalizer(KEY, Optional.empty(), FIN);

    assertThat(rv).isPresent();
    assertThat(cluster.store(KEY).orElseThrow().metadata().finalizers()).isEmpty();
    assertThat(cluster.store(KEY).orElseThrow().metadata().resourceVersion()).isEqualTo(rv);
    cluster.deleteStore(KEY);
    assertThat(cluster.store(KEY)).isEmpty();
  }

  @Property(tries = 30)
  void listingByNamespaceKeepsExactlyTheStoresInThem(
      @ForAll @Size(max = 3) Set<@From("namespaces") String> wanted) throws PortException {
    InMemoryCluster cluster = new InMemoryCluster(VELERO, new MutableClock(START));
    for (String ns : List.of(PLATFORM, "team-a", "team-b")) {
      cluster.createStore(Fixtures.store(ns, "one", false, Fixtures.s3("bucket")));
      cluster.createStore(Fixtures.store(ns, "two", false, Fixtures.s3("bucket")));
    }

    List<BackupStore> listed = cluster.ports().stores().list(wanted);

    List<BackupStore> expected =
        cluster.stores().stream()
            .filter(s -> wanted.isEmpty() || wanted.contains(s.metadata().namespace().get()))
            .toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Provide
  Arbitrary<String> namespaces() {
    return Arbitraries.of(PLATFORM, "team-a", "team-b", "team-c");
  }

  // ---- BSLs -----------------------------------------------------------------------------------

  @Example
  void applyKeepsWhatTheServerAndVeleroOwnAndMergesLabels() throws PortException {
    MutableClock clock = new MutableClock(START);
    InMemoryCluster cluster = new InMemoryCluster(VELERO, clock);
    BslPort port = cluster.ports().bsls();
    Calls.apply(cluster, ours("lattice-a", false, Map.of("extra", "1")));
    ObservedBsl first = cluster.bsl("lattice-a").orElseThrow();
    cluster.velero().mark("lattice-a", VeleroPhase.UNAVAILABLE, Optional.of("why"));
    clock.tick(Duration.ofMinutes(5));

    Calls.apply(cluster, ours("lattice-a", true, Map.of("added", "2")));

    ObservedBsl second = cluster.bsl("lattice-a").orElseThrow();
    assertThat(first.metadata().namespace()).contains(VELERO);
    assertThat(first.metadata().creationTimestamp()).contains(START);
    assertThat(first.metadata().uid()).isPresent();
    assertThat(first.phase()).isEmpty();
    assertThat(second.metadata().uid()).isEqualTo(first.metadata().uid());
    assertThat(second.metadata().creationTimestamp()).contains(START);
    assertThat(second.metadata().labels()).containsEntry("extra", "1").containsEntry("added", "2");
    assertThat(second.metadata().annotations())
        .containsEntry("extra", "1")
        .containsEntry("added", "2");
    assertThat(second.phase()).contains(VeleroPhase.UNAVAILABLE);
    assertThat(second.message()).contains("why");
    assertThat(second.isDefault()).as("apply never changes the default").isFalse();
    assertThat(Long.parseLong(second.metadata().resourceVersion().orElseThrow()))
        .isGreaterThan(Long.parseLong(first.metadata().resourceVersion().orElseThrow()));
    assertThat(port.list()).containsExactly(second);
    assertThat(cluster.foreignWrites()).isEmpty();
  }

  @Example
  void bslWritesNeedVeleroAndAnExistingBsl() {
    InMemoryCluster cluster = new InMemoryCluster(VELERO, new MutableClock(START));
    BslPort port = cluster.ports().bsls();

    assertThat(failed(() -> port.setDefault("nothing", true, "1")))
        .isInstanceOf(PortFailure.NotFound.class);
    assertThat(failed(() -> port.delete("nothing", "1"))).isInstanceOf(PortFailure.NotFound.class);

    cluster.velero().installed(false);
    assertThat(failure(port::list)).isInstanceOf(PortFailure.ResourceTypeMissing.class);
    assertThat(failed(() -> port.apply(ours("lattice-a", false, Map.of()), Optional.empty())))
        .isInstanceOf(PortFailure.ResourceTypeMissing.class);
    assertThat(failed(() -> port.setDefault("lattice-a", false, "1")))
        .isInstanceOf(PortFailure.ResourceTypeMissing.class);
    assertThat(failed(() -> port.delete("lattice-a", "1")))
        .isInstanceOf(PortFailure.ResourceTypeMissing.class);
    assertThatThrownBy(() -> cluster.putForeignBsl(foreign("default", true)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(cluster.bsls()).isEmpty();
    assertThat(cluster.writes())
        .as("failed writes are writes too")
        .containsExactly(
            "set default=true on BackupStorageLocation nothing",
            "delete BackupStorageLocation nothing",
            "apply BackupStorageLocation lattice-a",
            "set default=false on BackupStorageLocation lattice-a",
            "delete BackupStorageLocation lattice-a");
  }

  @Example
  void foreignWritesAreExactlyTheWritesToObjectsWeDoNotManage() throws PortException {
    MutableClock clock = new MutableClock(START);
    InMemoryCluster cluster = new InMemoryCluster(VELERO, clock);
    BslPort bsls = cluster.ports().bsls();
    SecretPort secrets = cluster.ports().secrets();
    cluster.putForeignBsl(foreign("default", true));
    cluster.putSecret(VELERO, "cloud-credentials", Fixtures.cloud("x"));
    Calls.apply(cluster, ours("lattice-a", false, Map.of()));
    Calls.applyMirrored(cluster, mirrored("lattice-a-credentials", "y"));
    Calls.setDefault(cluster, "lattice-a", true);
    Calls.setDefault(cluster, "lattice-a", false);
    Calls.delete(cluster, "lattice-a");
    Calls.deleteMirrored(cluster, "lattice-a-credentials");
    assertThat(cluster.foreignWrites()).isEmpty();

    Calls.setDefault(cluster, "default", false);
    Calls.apply(cluster, ours("default", false, Map.of()));
    cluster.putForeignBsl(foreign("default", false));
    Calls.delete(cluster, "default");
    Calls.applyMirrored(cluster, mirrored("cloud-credentials", "z"));
    cluster.putSecret(VELERO, "cloud-credentials", Fixtures.cloud("x"));
    Calls.deleteMirrored(cluster, "cloud-credentials");

    assertThat(cluster.foreignWrites())
        .containsExactly(
            "set default=false on BackupStorageLocation default",
            "apply BackupStorageLocation default",
            "delete BackupStorageLocation default",
            "apply Secret cloud-credentials",
            "delete Secret cloud-credentials");
    assertThat(failed(() -> secrets.deleteMirrored("cloud-credentials", "0")))
        .isInstanceOf(PortFailure.NotFound.class);
    cluster.resetScore();
    assertThat(cluster.writes()).isEmpty();
    assertThat(cluster.foreignWrites()).isEmpty();
  }

  @Example
  void aForeignBslKeepsItsCreationTimeWhenReplaced() {
    MutableClock clock = new MutableClock(START);
    InMemoryCluster cluster = new InMemoryCluster(VELERO, clock);
    cluster.putForeignBsl(foreign("default", true));
    clock.tick(Duration.ofHours(1));

    cluster.putForeignBsl(foreign("default", false));

    ObservedBsl bsl = cluster.bsl("default").orElseThrow();
    assertThat(bsl.metadata().creationTimestamp()).contains(START);
    assertThat(bsl.metadata().namespace()).contains(VELERO);
    assertThat(bsl.isDefault()).isFalse();
    assertThat(bsl.phase()).isEmpty();
  }

  // ---- Secrets --------------------------------------------------------------------------------

  @Example
  void onlyOurSecretsInVelerosNamespaceAreListedAsMirrored() throws PortException {
    InMemoryCluster cluster = new InMemoryCluster(VELERO, new MutableClock(START));
    SecretPort port = cluster.ports().secrets();
    cluster.putSecret(VELERO, "cloud-credentials", Fixtures.cloud("x"));
    cluster.putSecret(PLATFORM, "source", Fixtures.cloud("s"));
    Calls.applyMirrored(cluster, mirrored("lattice-a-credentials", "a"));
    Calls.applyMirrored(cluster, mirrored("lattice-a-credentials", "b"));

    assertThat(port.listMirrored())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.name()).isEqualTo("lattice-a-credentials");
              assertThat(m.metadata().namespace()).contains(VELERO);
              assertThat(m.data()).isEqualTo(Fixtures.cloud("b"));
            });
    assertThat(port.read(PLATFORM, "source")).contains(Fixtures.cloud("s"));
    assertThat(port.read(PLATFORM, "absent")).isEmpty();
    assertThat(cluster.secrets())
        .containsOnlyKeys(
            VELERO + "/cloud-credentials", PLATFORM + "/source", VELERO + "/lattice-a-credentials");
    cluster.deleteSecret(PLATFORM, "source");
    assertThat(port.read(PLATFORM, "source")).isEmpty();
  }

  // ---- the default score ----------------------------------------------------------------------

  /** One change to the BSLs: a port write, or one that is not (a user or Velero). */
  record BslOp(int kind, String name, boolean flag) {}

  @Property(tries = 100)
  void theDefaultScoreIsTheHighestRecountAfterAnyPortWrite(
      @ForAll @Size(max = 16) List<@From("bslOps") BslOp> ops) {
    MutableClock clock = new MutableClock(START);
    InMemoryCluster cluster = new InMemoryCluster(VELERO, clock);
    BslPort port = cluster.ports().bsls();
    int expected = 0;
    for (BslOp op : ops) {
      clock.tick(Duration.ofSeconds(1));
      boolean portWrite = true;
      try {
        switch (op.kind()) {
          case 0 -> Calls.apply(cluster, ours(op.name(), op.flag(), Map.of()));
          case 1 -> Calls.setDefault(cluster, op.name(), op.flag());
          case 2 -> Calls.delete(cluster, op.name());
          case 3 -> {
            portWrite = false;
            cluster.putForeignBsl(op.flag() ? foreign(op.name(), true) : ours(op.name(), true));
          }
          case 4 -> {
            portWrite = false;
            cluster.velero().ensureSingleDefault();
          }
          case 5 -> {
            portWrite = false;
            cluster.velero().installed(op.flag());
          }
          default -> {
            portWrite = false;
            cluster.resetScore();
            expected = recount(cluster);
          }
        }
      } catch (PortException | IllegalStateException e) {
        portWrite = false;
      }
      if (portWrite) {
        expected = Math.max(expected, recount(cluster));
      }
      assertThat(cluster.maxManagedDefaults()).as("after %s", op).isEqualTo(expected);
    }
  }

  @Example
  void aPortDeleteRecordsADefaultCountRaisedOutsideThePorts() throws PortException {
    InMemoryCluster cluster = new InMemoryCluster(VELERO, new MutableClock(START));
    BslPort port = cluster.ports().bsls();
    Calls.apply(cluster, ours("lattice-b", false));
    cluster.putForeignBsl(ours("lattice-a", true));
    assertThat(cluster.maxManagedDefaults()).isZero();

    Calls.delete(cluster, "lattice-b");

    assertThat(cluster.maxManagedDefaults()).isEqualTo(1);
  }

  @Provide
  Arbitrary<BslOp> bslOps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 6),
            Arbitraries.of("lattice-a", "lattice-b", "lattice-c"),
            Arbitraries.of(true, false))
        .as(BslOp::new);
  }

  private static int recount(InMemoryCluster cluster) {
    Set<String> defaults = new HashSet<>();
    for (ObservedBsl b : cluster.bsls()) {
      if (BslLabels.MANAGER.equals(b.metadata().labels().get(BslLabels.MANAGED_BY))
          && b.spec().isDefault()) {
        defaults.add(b.name());
      }
    }
    return defaults.size();
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** A port call that is expected to fail. */
  @FunctionalInterface
  interface Call {
    Object call() throws PortException;
  }

  /** A port call without a result that is expected to fail. */
  @FunctionalInterface
  interface Run {
    void run() throws PortException;
  }

  private static PortFailure failure(Call call) {
    try {
      call.call();
    } catch (PortException e) {
      return e.failure();
    }
    throw new AssertionError("the call succeeded");
  }

  private static PortFailure failed(Run run) {
    return failure(
        () -> {
          run.run();
          return "done";
        });
  }

  private static String rv(InMemoryCluster cluster) {
    return cluster.store(KEY).orElseThrow().metadata().resourceVersion().orElseThrow();
  }

  private static BackupStorageLocation ours(String name, boolean dflt, Map<String, String> extra) {
    ObjectMetadata.Builder meta =
        BslLabels.ownedBy(ObjectMetadata.builder().name(name).namespace(VELERO), PLATFORM, "main");
    extra.forEach(meta::label);
    extra.forEach(meta::annotation);
    return new BackupStorageLocation(meta.build(), spec(dflt));
  }

  private static BackupStorageLocation ours(String name, boolean dflt) {
    return ours(name, dflt, Map.of());
  }

  private static BackupStorageLocation foreign(String name, boolean dflt) {
    return new BackupStorageLocation(ObjectMetadata.named(name).withNamespace(VELERO), spec(dflt));
  }

  private static BslSpec spec(boolean dflt) {
    return new BslSpec(
        "aws",
        new ObjectStorage("bucket", Optional.empty()),
        Map.of("region", "eu-west-1"),
        Optional.empty(),
        dflt);
  }

  private static MirroredSecret mirrored(String name, String value) {
    return new MirroredSecret(
        BslLabels.ownedBy(ObjectMetadata.builder().name(name).namespace(VELERO), PLATFORM, "main")
            .build(),
        Fixtures.cloud(value));
  }
}
