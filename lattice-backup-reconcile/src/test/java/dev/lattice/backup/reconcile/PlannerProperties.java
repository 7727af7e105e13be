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

import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.plan.Step;
import dev.lattice.backup.reconcile.plan.internal.ObservedState;
import dev.lattice.backup.reconcile.plan.internal.Planner;
import dev.lattice.backup.reconcile.plan.internal.Reads;
import dev.lattice.backup.reconcile.plan.internal.ReferencePlanner;
import dev.lattice.backup.reconcile.plan.internal.SecretRef;
import dev.lattice.backup.reconcile.plan.internal.SourceSecret;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.reconcile.port.VeleroPhase;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import dev.lattice.backup.translate.ForeignDefaultPolicy;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TranslationResult;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslLabels;
import dev.lattice.backup.translate.bsl.BslSpec;
import dev.lattice.backup.translate.bsl.ObjectStorage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of the pure planner over generated cluster observations: determinism and order independence;
 * at most one default set, and only after every unset; foreign BSLs never written (but for
 * unsetting their default under take-over); nothing BSL-related without Velero; a status write only
 * when the status differs; and the fixpoint law: executing a plan and planning again gives an empty
 * plan.
 */
class PlannerProperties {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  /** A generated observation and the options it is planned with. */
  record Case(ObservedState state, ReconcileOptions options) {
    @Override
    public String toString() {
      return "Case[stores="
          + state.stores().stream().map(StoreKey::of).toList()
          + ", bsls="
          + state.bsls().stream().map(ObservedBsl::name).toList()
          + ", velero="
          + state.bslTypeExists()
          + ", policy="
          + options.translation().foreignDefaultPolicy()
          + "]";
    }
  }

  @Property(tries = 300)
  void planningIsDeterministicAndIndependentOfInputOrder(
      @ForAll("cases") Case c, @ForAll long shuffleSeed) {
    Plan plan = Planner.plan(c.state(), c.options(), NOW);
    Random random = new Random(shuffleSeed);
    List<BackupStore> stores = new ArrayList<>(c.state().stores());
    List<ObservedBsl> bsls = new ArrayList<>(c.state().bsls());
    List<MirroredSecret> mirrored = new ArrayList<>(c.state().mirrored());
    Collections.shuffle(stores, random);
    Collections.shuffle(bsls, random);
    Collections.shuffle(mirrored, random);
    ObservedState shuffled =
        new ObservedState(stores, bsls, c.state().bslTypeExists(), mirrored, c.state().sources());

    assertThat(Planner.plan(shuffled, c.options(), NOW)).isEqualTo(plan);
    assertThat(Planner.plan(c.state(), c.options(), NOW)).isEqualTo(plan);
  }

  /**
   * The planner made linear (issue 19) plans exactly as the planner before it did, on input in any
   * order and with stores that share a key: same steps in the same order, same statuses, same
   * recheck; and it asks for the same Secrets, in the same order.
   */
  @Property(tries = 400)
  void plansAsThePlannerBeforeItWasMadeLinear(
      @ForAll("cases") Case c, @ForAll long seed, @ForAll boolean twin) {
    Random random = new Random(seed);
    List<BackupStore> stores = new ArrayList<>(c.state().stores());
    if (twin && !stores.isEmpty()) {
      // A second store of the same namespace and name, asking the opposite about the default.
      BackupStore original = stores.get(random.nextInt(stores.size()));
      BackupStoreSpec spec = original.spec();
      stores.add(
          spec == null
              ? original
              : original.withSpec(new BackupStoreSpec(!spec.isDefault(), spec.storage())));
    }
    List<ObservedBsl> bsls = new ArrayList<>(c.state().bsls());
    List<MirroredSecret> mirrored = new ArrayList<>(c.state().mirrored());
    if (random.nextBoolean()) {
      Collections.shuffle(stores, random);
      Collections.shuffle(bsls, random);
      Collections.shuffle(mirrored, random);
    } else {
      stores.sort(java.util.Comparator.comparing(StoreKey::of));
    }
    ObservedState state =
        new ObservedState(
            stores,
            bsls,
            c.state().bslTypeExists(),
            mirrored,
            c.state().sources(),
            c.state().occupants());

    assertThat(Planner.plan(state, c.options(), NOW))
        .isEqualTo(ReferencePlanner.plan(state, c.options(), NOW));
    assertThat(Reads.mirrorTargets(stores, c.options()))
        .containsExactlyElementsOf(ReferencePlanner.mirrorTargets(stores, c.options()));
    assertThat(Reads.sourcesToRead(stores, c.options()))
        .containsExactlyElementsOf(ReferencePlanner.sourcesToRead(stores, c.options()));
  }

  @Property(tries = 300)
  void atMostOneDefaultIsSetAndOnlyAfterEveryUnset(@ForAll("cases") Case c) {
    Plan plan = Planner.plan(c.state(), c.options(), NOW);
    List<Step> steps = plan.steps();
    List<Integer> setters = new ArrayList<>();
    List<Integer> unsets = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).action() instanceof Action.SetDefault set) {
        assertThat(steps.get(i).movesDefault()).isTrue();
        (set.value() ? setters : unsets).add(i);
      } else {
        assertThat(steps.get(i).movesDefault()).isFalse();
      }
    }
    assertThat(setters).hasSizeLessThanOrEqualTo(1);
    Set<String> defaultsAfter = new HashSet<>();
    for (ObservedBsl bsl : c.state().bsls()) {
      if (bsl.isDefault() && BslLabels.provenOwner(bsl.metadata()).isPresent()) {
        defaultsAfter.add(bsl.name());
      }
    }
    for (int i = 0; i < steps.size(); i++) {
      Action a = steps.get(i).action();
      if (a instanceof Action.SetDefault set && !set.value()) {
        defaultsAfter.remove(set.bslName());
      } else if (a instanceof Action.SetDefault set) {
        assertThat(steps.get(i).dependsOn())
            .as("the default is set only after every unset")
            .containsAll(unsets);
        assertThat(defaultsAfter).as("no other default of ours remains when ours is set").isEmpty();
        defaultsAfter.add(set.bslName());
      } else if (a instanceof Action.ApplyBsl apply) {
        assertThat(apply.bsl().spec().isDefault()).as("an apply never sets the default").isFalse();
      }
    }
    assertThat(defaultsAfter).hasSizeLessThanOrEqualTo(1);
  }

  /**
   * A store's steps run in plan order: each depends on every earlier step for the same store, so
   * that a failure skips the store's later steps; otherwise a step depends only on the unsets of
   * the default, and only when it sets the default.
   */
  @Property(tries = 200)
  void eachStepDependsOnTheEarlierStepsOfItsStoreAndNothingElse(@ForAll("cases") Case c) {
    List<Step> steps = Planner.plan(c.state(), c.options(), NOW).steps();
    for (int i = 0; i < steps.size(); i++) {
      Optional<StoreKey> store = storeOf(steps.get(i).action());
      Set<Integer> expected = new HashSet<>();
      for (int j = 0; j < i; j++) {
        if (store.isPresent() && store.equals(storeOf(steps.get(j).action()))) {
          expected.add(j);
        }
      }
      boolean setsDefault = steps.get(i).action() instanceof Action.SetDefault set && set.value();
      Set<Integer> allowed = new HashSet<>(expected);
      if (setsDefault) {
        allowed.addAll(unsetsBefore(steps, i));
      }
      assertThat(steps.get(i).dependsOn())
          .as("step %s: %s", i, steps.get(i).action())
          .containsAll(expected)
          .allMatch(allowed::contains);
    }
  }

  /** What a per-store reconcile executes is that store's steps alone, and no default move. */
  @Property(tries = 200)
  void aStoresPartOfThePlanTouchesOnlyThatStore(@ForAll("cases") Case c) {
    Plan plan = Planner.plan(c.state(), c.options(), NOW);
    for (BackupStore store : c.state().stores()) {
      StoreKey key = StoreKey.of(store);
      for (Action a : plan.restrictTo(key).actions()) {
        assertThat(storeOf(a)).as("%s", a).contains(key);
        assertThat(a).isNotInstanceOf(Action.SetDefault.class);
      }
    }
    assertThat(plan.defaultMoves().actions()).allMatch(a -> a instanceof Action.SetDefault);
    assertThat(plan.withoutDefaultMoves().actions()).noneMatch(a -> a instanceof Action.SetDefault);
  }

  /** The store an action serves, read from the action's own fields. */
  private static Optional<StoreKey> storeOf(Action action) {
    if (action instanceof Action.SetDefault a) {
      return a.owner();
    } else if (action instanceof Action.AddFinalizer a) {
      return Optional.of(a.store());
    } else if (action instanceof Action.ApplySecret a) {
      return Optional.of(a.store());
    } else if (action instanceof Action.ApplyBsl a) {
      return Optional.of(a.store());
    } else if (action instanceof Action.DeleteBsl a) {
      return a.owner();
    } else if (action instanceof Action.DeleteSecret a) {
      return a.owner();
    } else if (action instanceof Action.PatchStatus a) {
      return Optional.of(a.store());
    } else if (action instanceof Action.RemoveFinalizer a) {
      return Optional.of(a.store());
    }
    throw new AssertionError("unknown action " + action);
  }

  @Property(tries = 300)
  void foreignBslsAreNeverWrittenAndNothingNeedsVeleroWhenItIsMissing(@ForAll("cases") Case c) {
    Plan plan = Planner.plan(c.state(), c.options(), NOW);
    Set<String> foreign = new HashSet<>();
    c.state().bsls().stream().filter(b -> !b.isManaged()).forEach(b -> foreign.add(b.name()));
    for (Action a : plan.actions()) {
      if (a instanceof Action.ApplyBsl apply) {
        assertThat(foreign).doesNotContain(apply.bsl().name());
      } else if (a instanceof Action.DeleteBsl delete) {
        assertThat(foreign).doesNotContain(delete.bslName());
      } else if (a instanceof Action.SetDefault set && set.owner().isEmpty()) {
        assertThat(set.value()).isFalse();
        assertThat(c.options().translation().foreignDefaultPolicy())
            .isEqualTo(ForeignDefaultPolicy.TAKE_OVER);
        assertThat(foreign).contains(set.bslName());
      }
      if (!c.state().bslTypeExists()) {
        assertThat(a)
            .isNotInstanceOfAny(
                Action.ApplyBsl.class, Action.DeleteBsl.class, Action.SetDefault.class);
      }
    }
  }

  @Property(tries = 300)
  void aStatusIsWrittenExactlyWhenItDiffers(@ForAll("cases") Case c) {
    Plan plan = Planner.plan(c.state(), c.options(), NOW);
    Map<StoreKey, BackupStoreStatus> patched = new TreeMap<>();
    for (Action a : plan.actions()) {
      if (a instanceof Action.PatchStatus p) {
        patched.put(p.store(), p.status());
      }
    }
    for (BackupStore store : c.state().stores()) {
      StoreKey key = StoreKey.of(store);
      if (store.metadata().isBeingDeleted()) {
        assertThat(plan.statuses()).doesNotContainKey(key);
        continue;
      }
      BackupStoreStatus desired = plan.statuses().get(key);
      assertThat(desired).isNotNull();
      boolean differs = !store.status().equals(Optional.of(desired));
      assertThat(patched.containsKey(key)).isEqualTo(differs);
      assertThat(desired.observedGeneration()).isEqualTo(store.metadata().generation());
    }
  }

  @Property(tries = 300)
  void reconcilingReachesAFixpoint(@ForAll("cases") Case c) {
    Plan plan = Planner.plan(c.state(), c.options(), NOW);
    ObservedState after = Simulation.reconcile(c.state(), plan, c.options(), NOW);

    Plan next = Planner.plan(after, c.options(), NOW.plus(Duration.ofMinutes(7)));

    assertThat(next.actions()).isEmpty();
    Set<String> stores = new HashSet<>();
    after.stores().forEach(s -> stores.add(StoreKey.of(s).toString()));
    List<ObjectMetadata> ours = new ArrayList<>();
    after.bsls().forEach(b -> ours.add(b.metadata()));
    after.mirrored().forEach(m -> ours.add(m.metadata()));
    for (ObjectMetadata meta : ours) {
      BslLabels.provenOwner(meta)
          .ifPresent(
              owner ->
                  assertThat(stores).as("no orphan: %s", meta.name()).contains(owner.toString()));
    }
  }

  /** Plans list deletions, and the default moves, in name order. */
  @Property(tries = 200)
  void deletionsAndDefaultMovesAreInNameOrder(@ForAll("cases") Case c) {
    Plan plan = Planner.plan(c.state(), c.options(), NOW);
    List<String> unsets = new ArrayList<>();
    List<String> deletedBsls = new ArrayList<>();
    List<String> deletedSecrets = new ArrayList<>();
    for (Step step : plan.steps()) {
      Action a = step.action();
      if (a instanceof Action.SetDefault set && !set.value()) {
        unsets.add(set.bslName());
      } else if (a instanceof Action.DeleteBsl d) {
        deletedBsls.add(d.bslName());
      } else if (a instanceof Action.DeleteSecret d) {
        deletedSecrets.add(d.secretName());
      }
    }
    assertThat(unsets).isSorted();
    assertThat(deletedBsls).isSorted();
    assertThat(deletedSecrets).isSorted();
  }

  private static List<Integer> unsetsBefore(List<Step> steps, int before) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < before; i++) {
      if (steps.get(i).action() instanceof Action.SetDefault set && !set.value()) {
        out.add(i);
      }
    }
    return out;
  }

  // ---- generators -----------------------------------------------------------------------------

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<List<BackupStore>> stores = store().list().ofMaxSize(8).uniqueElements(StoreKey::of);
    return Combinators.combine(
            stores,
            Arbitraries.of(true, true, true, false),
            Arbitraries.of(ForeignDefaultPolicy.RESPECT, ForeignDefaultPolicy.TAKE_OVER),
            Arbitraries.longs())
        .as(PlannerProperties::observe);
  }

  private static Arbitrary<BackupStore> store() {
    Arbitrary<BackupStorageSpec> storage =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                5,
                Arbitraries.of(
                    Fixtures.s3("bucket-one"),
                    Fixtures.minio("minio-backups", "creds"),
                    Fixtures.gcs("gcs-backups", "gcs-creds"),
                    Fixtures.azure("azure-backups"),
                    Fixtures.s3("Bad_Bucket"),
                    Fixtures.s3("bucket-one").withCloudProviderRef("aws-prod"))),
            net.jqwik.api.Tuple.of(2, ModelArbitraries.storage()));
    return Combinators.combine(
            Arbitraries.of(PLATFORM, "team-a", "velero"),
            Arbitraries.of("alpha", "beta", "gamma", "lattice-alpha"),
            Arbitraries.of(true, false),
            storage,
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, 9),
            ModelArbitraries.status().optional(0.3),
            Arbitraries.longs().between(1, 4))
        .as(
            (ns, name, dflt, spec, age, flags, status, generation) -> {
              ObjectMetadata.Builder meta =
                  ObjectMetadata.builder()
                      .namespace(ns)
                      .name(name)
                      .generation(generation)
                      .resourceVersion("rv-" + age + flags)
                      .creationTimestamp(NOW.minus(Duration.ofHours(age)));
              if (flags < 7) {
                meta.finalizers(List.of(ReconcileOptions.DEFAULT_FINALIZER));
              }
              if (flags == 0 || flags == 8) {
                meta.deletionTimestamp(NOW.minus(Duration.ofMinutes(1)));
              }
              return BackupStore.of(meta.build(), new BackupStoreSpec(dflt, spec))
                  .withStatus(status.orElse(null));
            });
  }

  /** Builds a plausible observation around the stores: some BSLs, Secrets and foreign objects. */
  private static Case observe(
      List<BackupStore> stores, boolean velero, ForeignDefaultPolicy policy, long seed) {
    Random random = new Random(seed);
    ReconcileOptions options =
        ReconcileOptions.of(Fixtures.TRANSLATION.toBuilder().foreignDefaultPolicy(policy).build());
    TranslationOptions topts = options.translation();
    Map<String, ObservedBsl> bsls = new LinkedHashMap<>();
    List<MirroredSecret> mirrored = new ArrayList<>();
    if (velero) {
      for (BackupStore store : stores) {
        if (Translator.translate(store, topts) instanceof TranslationResult.Translated t
            && random.nextInt(3) > 0) {
          BackupStorageLocation bsl = t.bsl().withDefault(random.nextInt(3) == 0);
          BslSpec spec = bsl.spec();
          if (random.nextInt(4) == 0) {
            spec =
                new BslSpec(
                    spec.provider(),
                    new ObjectStorage("old-bucket", Optional.empty()),
                    spec.config(),
                    spec.credential(),
                    spec.isDefault());
          }
          bsls.put(bsl.name(), observed(bsl.metadata(), spec, random));
          if (t.mirror().isPresent() && random.nextBoolean()) {
            var m = t.mirror().get();
            mirrored.add(
                new MirroredSecret(
                    ObjectMetadata.builder()
                        .namespace(m.targetNamespace())
                        .name(m.targetName())
                        .label(BslLabels.MANAGED_BY, BslLabels.MANAGER)
                        .annotation(BslLabels.STORE, StoreKey.of(store).toString())
                        .build(),
                    data(random)));
          }
        }
      }
      if (random.nextBoolean()) {
        put(bsls, foreign("default", random.nextBoolean(), random));
      }
      if (random.nextInt(4) == 0) {
        put(bsls, foreign("lattice-alpha", random.nextBoolean(), random));
      }
      if (random.nextInt(3) == 0) {
        ObjectMetadata orphan =
            ObjectMetadata.builder()
                .namespace("velero")
                .name("lattice-orphan")
                .label(BslLabels.MANAGED_BY, BslLabels.MANAGER)
                .annotation(BslLabels.STORE, "gone/orphan")
                .build();
        put(bsls, observed(orphan, spec(random.nextBoolean()), random));
      }
    }
    if (random.nextInt(4) == 0) {
      mirrored.add(
          new MirroredSecret(
              ObjectMetadata.builder()
                  .namespace("velero")
                  .name("lattice-orphan-credentials")
                  .label(BslLabels.MANAGED_BY, BslLabels.MANAGER)
                  .annotation(BslLabels.STORE, "gone/orphan")
                  .build(),
              data(random)));
    }
    TreeMap<SecretRef, SourceSecret> sources = new TreeMap<>();
    for (SecretRef ref : Reads.sourcesToRead(stores, options)) {
      int pick = random.nextInt(6);
      SourceSecret source =
          switch (pick) {
            case 0 -> new SourceSecret.Absent();
            case 1 ->
                new SourceSecret.Unreadable(new PortFailure.Forbidden("secrets is forbidden"));
            case 2 -> new SourceSecret.Present(SecretData.of(Map.of("other", new byte[] {1})));
            default -> new SourceSecret.Present(data(random));
          };
      sources.put(ref, source);
    }
    return new Case(
        new ObservedState(stores, List.copyOf(bsls.values()), velero, mirrored, sources), options);
  }

  private static void put(Map<String, ObservedBsl> bsls, ObservedBsl bsl) {
    bsls.put(bsl.name(), bsl);
  }

  private static ObservedBsl foreign(String name, boolean dflt, Random random) {
    return observed(ObjectMetadata.named(name).withNamespace("velero"), spec(dflt), random);
  }

  private static BslSpec spec(boolean dflt) {
    return new BslSpec(
        "aws",
        new ObjectStorage("foreign", Optional.empty()),
        Map.of("region", "us-east-1"),
        Optional.empty(),
        dflt);
  }

  private static ObservedBsl observed(ObjectMetadata meta, BslSpec spec, Random random) {
    ObjectMetadata withServerFields =
        meta.toBuilder()
            .uid("uid-" + meta.name())
            .resourceVersion(Integer.toString(random.nextInt(1000)))
            .creationTimestamp(NOW.minus(Duration.ofMinutes(random.nextInt(100))))
            .build();
    return switch (random.nextInt(3)) {
      case 0 -> new ObservedBsl(withServerFields, spec, Optional.empty(), Optional.empty());
      case 1 ->
          new ObservedBsl(
              withServerFields, spec, Optional.of(VeleroPhase.AVAILABLE), Optional.empty());
      default ->
          new ObservedBsl(
              withServerFields,
              spec,
              Optional.of(VeleroPhase.UNAVAILABLE),
              Optional.of("no bucket"));
    };
  }

  private static SecretData data(Random random) {
    return SecretData.of(
        Map.of("cloud", ("key-" + random.nextInt(3)).getBytes(StandardCharsets.UTF_8)));
  }
}
