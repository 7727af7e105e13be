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

import dev.lattice.backup.junit.memory.InMemoryCluster;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.testing.MutableClock;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BslLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Concurrent reconciles, as an operator framework's workers run them, interleaved step by step by a
 * {@link Scheduler} that jqwik drives (so every failing interleaving shrinks and replays), with a
 * user changing and deleting stores and Velero flipping defaults in between. Checked before every
 * step: never two of our BSLs the default, never a BSL whose store lacks our finalizer; checked on
 * every write: a per-store pass writes only its own store's objects and the default moves only
 * inside the default writer. And afterwards, quiet passes converge.
 *
 * <p>The same scenarios without the reconciler's serialisation do break the invariants, which shows
 * the checks can fail.
 */
class ConcurrencyProperties {
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final String[] NAMES = {"a", "b", "c"};

  /** One thing that happens concurrently with the others. */
  record Move(int kind, int store, boolean flag) {
    @Override
    public String toString() {
      String key = store < NAMES.length ? NAMES[store] : "t";
      return switch (kind) {
        case 0, 1 -> "reconcile(" + key + ")";
        case 2 -> "reconcile()";
        case 3 -> "delete(" + key + ")";
        case 4 -> "default(" + key + ", " + flag + ")";
        case 5 -> "velero.ensureSingleDefault()";
        default -> "create(" + key + ")";
      };
    }
  }

  /**
   * A scenario: which of the platform stores a, b, c ask to be the default; how the cluster starts
   * (0: stores just created; 1: reconciled once; 2: stores that already carry our finalizer but
   * have no BSL yet); what happens concurrently; and the scheduler's choices.
   */
  record Scenario(List<Boolean> defaults, int start, List<Move> moves, List<Integer> choices) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Move> move =
        Combinators.combine(
                Arbitraries.frequency(
                    net.jqwik.api.Tuple.of(5, 0),
                    net.jqwik.api.Tuple.of(5, 1),
                    net.jqwik.api.Tuple.of(2, 2),
                    net.jqwik.api.Tuple.of(2, 3),
                    net.jqwik.api.Tuple.of(3, 4),
                    net.jqwik.api.Tuple.of(1, 5),
                    net.jqwik.api.Tuple.of(1, 6)),
                Arbitraries.integers().between(0, NAMES.length),
                Arbitraries.of(true, false))
            .as(Move::new);
    return Combinators.combine(
            Arbitraries.of(true, false).list().ofSize(NAMES.length),
            Arbitraries.integers().between(0, 2),
            move.list().ofMinSize(2).ofMaxSize(6),
            Arbitraries.integers().between(0, 20).list().ofMaxSize(400))
        .as(Scenario::new);
  }

  /** A cluster with the scenario's stores: a, b, c in the platform namespace, t a tenant's. */
  private static InMemoryCluster cluster(Scenario s, MutableClock clock) {
    InMemoryCluster cluster = new InMemoryCluster(Fixtures.VELERO, clock);
    cluster.putSecret("team-a", "gcs-key", Fixtures.cloud("k"));
    List<BackupStore> stores = new ArrayList<>();
    for (int i = 0; i < NAMES.length; i++) {
      stores.add(
          Fixtures.store(PLATFORM, NAMES[i], s.defaults().get(i), Fixtures.s3("bucket-" + i)));
    }
    stores.add(Fixtures.store("team-a", "t", false, Fixtures.gcs("team-bucket", "gcs-key")));
    for (BackupStore store : stores) {
      clock.tick(Duration.ofSeconds(1));
      if (s.start() == 2) {
        store =
            store.withMetadata(
                store.metadata().toBuilder()
                    .finalizers(List.of(ReconcileOptions.DEFAULT_FINALIZER))
                    .build());
      }
      cluster.createStore(store);
    }
    return cluster;
  }

  private static StoreKey key(int store) {
    return store < NAMES.length
        ? new StoreKey(PLATFORM, NAMES[store])
        : new StoreKey("team-a", "t");
  }

  /** Runs a scenario; returns every invariant broken, empty when none was. */
  static List<String> run(Scenario s, boolean locking) {
    MutableClock clock = new MutableClock(START);
    InMemoryCluster cluster = cluster(s, clock);
    ReconcileOptions options = Fixtures.OPTIONS;
    if (s.start() == 1) {
      new Reconciler(cluster.ports(), options, clock, () -> 0.5).reconcile();
    }
    cluster.resetScore();
    Scheduler scheduler = new Scheduler(locking);
    Reconciler reconciler =
        new Reconciler(
            scheduler.gated(cluster.ports(), name -> owner(cluster, name)),
            options,
            clock,
            () -> 0.5,
            scheduler);
    int n = 0;
    for (Move m : s.moves()) {
      StoreKey key = key(m.store());
      String name = m + "#" + n++;
      switch (m.kind()) {
        case 0, 1 ->
            scheduler.add(
                name,
                new Scheduler.Task() {
                  @Override
                  public Optional<StoreKey> scope() {
                    return Optional.of(key);
                  }

                  @Override
                  public void run() {
                    reconciler.reconcile(key.namespace(), key.name());
                  }
                });
        case 2 -> scheduler.add(name, reconciler::reconcile);
        case 3 ->
            scheduler.add(
                name,
                () -> {
                  if (cluster.store(key).isPresent()) {
                    cluster.deleteStore(key);
                  }
                });
        case 4 ->
            scheduler.add(
                name,
                () ->
                    cluster
                        .store(key)
                        .ifPresent(
                            st ->
                                cluster.updateStoreSpec(
                                    key,
                                    new BackupStoreSpec(
                                        m.flag(),
                                        java.util.Objects.requireNonNull(st.spec()).storage()))));
        case 5 -> scheduler.add(name, () -> cluster.velero().ensureSingleDefault());
        default ->
            scheduler.add(
                name,
                () -> {
                  if (cluster.store(key).isEmpty()) {
                    cluster.createStore(
                        Fixtures.store(
                            key.namespace(),
                            key.name(),
                            m.flag(),
                            key.namespace().equals(PLATFORM)
                                ? Fixtures.s3("bucket-new")
                                : Fixtures.gcs("team-bucket", "gcs-key")));
                  }
                });
      }
    }
    List<String> broken = new ArrayList<>();
    scheduler.run(s.choices(), () -> broken.addAll(invariants(cluster, options)));
    broken.addAll(scheduler.violations());
    if (cluster.maxManagedDefaults() > 1) {
      broken.add("two of our BSLs were the default at once");
    }
    // Quiet passes afterwards converge, and leave exactly the default the planner chose.
    Reconciler quiet = new Reconciler(cluster.ports(), options, clock, () -> 0.5);
    for (int i = 0; i < 3 && !planEmpty(quiet); i++) {
      clock.tick(Duration.ofSeconds(1));
      quiet.reconcile();
    }
    if (!planEmpty(quiet)) {
      broken.add("quiet passes did not converge");
    }
    broken.addAll(invariants(cluster, options));
    return broken;
  }

  private static boolean planEmpty(Reconciler reconciler) {
    try {
      return reconciler.plan().isEmpty();
    } catch (dev.lattice.backup.reconcile.port.PortException e) {
      return false;
    }
  }

  /** Where an existing BSL (or, prefixed {@code secret:}, a Secret) belongs. */
  private static Optional<StoreKey> owner(InMemoryCluster cluster, String name) {
    Optional<ObjectMetadata> meta =
        name.startsWith("secret:")
            ? cluster.secretMetadata(cluster.veleroNamespace(), name.substring(7))
            : cluster.bsl(name).map(ObservedBsl::metadata);
    return meta.flatMap(BslLabels::provenOwner);
  }

  private static List<String> invariants(InMemoryCluster cluster, ReconcileOptions options) {
    List<String> out = new ArrayList<>();
    int defaults = 0;
    for (ObservedBsl bsl : cluster.bsls()) {
      if (bsl.isDefault() && BslLabels.isManaged(bsl.metadata())) {
        defaults++;
      }
      Optional<StoreKey> owner = BslLabels.provenOwner(bsl.metadata());
      if (owner.isPresent()) {
        Optional<BackupStore> store = cluster.store(owner.get());
        if (store.isEmpty() || !store.get().metadata().finalizers().contains(options.finalizer())) {
          out.add(
              "BSL " + bsl.name() + " exists but its store " + owner.get() + " has no finalizer");
        }
      }
    }
    if (defaults > 1) {
      out.add(defaults + " of our BSLs are the default");
    }
    return out;
  }

  @Property(tries = 300)
  void concurrentReconcilesNeverMakeTwoDefaultsNorABslWithoutItsStoresFinalizer(
      @ForAll("scenarios") Scenario s) {
    List<String> broken = run(s, true);

    assertThat(broken).as("%s", s.moves()).isEmpty();
    Statistics.label("moves").collect(s.moves().size());
  }

  /**
   * Without the reconciler's serialisation, some interleavings of the same kind of scenario break
   * an invariant: the property above can fail.
   */
  @Example
  void withoutSerialisationSomeInterleavingBreaksAnInvariant() {
    // a is the default; a user hands the default to b and back while both stores reconcile
    Scenario twoWriters =
        new Scenario(
            List.of(true, true, false),
            1,
            List.of(
                new Move(4, 0, false),
                new Move(0, 0, false),
                new Move(0, 1, false),
                new Move(4, 0, true)),
            List.of());
    // a store with our finalizer but no BSL yet, reconciled twice while a user deletes it
    Scenario staleCreate =
        new Scenario(
            List.of(false, false, false),
            2,
            List.of(new Move(0, 0, false), new Move(3, 0, false), new Move(0, 0, false)),
            List.of());
    assertThat(firstBreak(twoWriters)).anyMatch(v -> v.contains("of our BSLs"));
    assertThat(firstBreak(staleCreate)).anyMatch(v -> v.contains("has no finalizer"));
  }

  /** What the first unserialised interleaving of a scenario that breaks an invariant breaks. */
  private static List<String> firstBreak(Scenario base) {
    Random random = new Random(17);
    for (int attempt = 0; attempt < 3000; attempt++) {
      List<Integer> choices = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        choices.add(random.nextInt(20));
      }
      Scenario s = new Scenario(base.defaults(), base.start(), base.moves(), choices);
      List<String> broken = run(s, false);
      if (!broken.isEmpty()) {
        assertThat(run(s, true)).as("the same choices, serialised").isEmpty();
        return broken;
      }
    }
    throw new AssertionError("no interleaving breaks " + base.moves() + " unserialised");
  }
}
