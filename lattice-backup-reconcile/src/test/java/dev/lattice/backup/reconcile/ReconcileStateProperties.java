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

import dev.lattice.backup.junit.memory.FaultInjector;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ConditionStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.plan.internal.Conditions;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.VeleroPhase;
import dev.lattice.backup.testing.logs.CapturedLogs;
import dev.lattice.backup.translate.ForeignDefaultPolicy;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslJson;
import dev.lattice.backup.translate.bsl.BslSpec;
import dev.lattice.backup.translate.bsl.ObjectStorage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Stateful properties: random chains of user edits, Velero behaviour (validation, availability
 * flips, its own default rule, install/uninstall), injected port faults and reconcile runs. After
 * every step: never two defaults written by us, no foreign BSL touched (beyond unsetting its
 * default under take-over), no Secret data outside Secrets. After the faults stop: one reconcile
 * converges, the next plan is empty, and every status says what the definitions say.
 */
class ReconcileStateProperties {
  private static final List<String> NAMESPACES = List.of(PLATFORM, "team-a");
  private static final List<String> NAMES = List.of("alpha", "beta", "gamma");
  private static final List<String> SECRETS = List.of("creds", "gcs-creds");

  /** The system under test and what the test knows about it. */
  static final class Sim {
    final World world;
    final ForeignDefaultPolicy policy;
    final Set<String> secretValues = new HashSet<>();

    Sim(ForeignDefaultPolicy policy) {
      this.policy = policy;
      this.world =
          new World(
              ReconcileOptions.of(
                  Fixtures.TRANSLATION.toBuilder().foreignDefaultPolicy(policy).build()));
      CapturedLogs.start();
    }

    List<StoreKey> liveKeys() {
      return world.cluster.stores().stream()
          .filter(s -> !s.metadata().isBeingDeleted())
          .map(StoreKey::of)
          .toList();
    }

    @Override
    public String toString() {
      return "Sim["
          + world.cluster.stores().size()
          + " stores, "
          + world.cluster.bsls().size()
          + " BSLs]";
    }
  }

  @Property(tries = 400)
  void invariantsHoldAndTheClusterConvergesUnderRespect(
      @ForAll("respectChains") ActionChain<Sim> chain) {
    run(chain);
  }

  @Property(tries = 200)
  void invariantsHoldAndTheClusterConvergesUnderTakeOver(
      @ForAll("takeOverChains") ActionChain<Sim> chain) {
    run(chain);
  }

  private static void run(ActionChain<Sim> chain) {
    Sim sim =
        chain
            .withInvariant("never two defaults written by us", ReconcileStateProperties::oneDefault)
            .withInvariant("foreign BSLs untouched", ReconcileStateProperties::foreignUntouched)
            .withInvariant("no Secret data outside Secrets", ReconcileStateProperties::noLeak)
            .run();
    convergeAfterFaultsStop(sim);
  }

  @Provide
  Arbitrary<ActionChain<Sim>> respectChains() {
    return chains(ForeignDefaultPolicy.RESPECT);
  }

  @Provide
  Arbitrary<ActionChain<Sim>> takeOverChains() {
    return chains(ForeignDefaultPolicy.TAKE_OVER);
  }

  private static Arbitrary<ActionChain<Sim>> chains(ForeignDefaultPolicy policy) {
    return ActionChain.startWith(() -> new Sim(policy))
        .withAction(3, createStore())
        .withAction(2, updateStore())
        .withAction(1, deleteStore())
        .withAction(2, putSecret())
        .withAction(2, velero())
        .withAction(1, foreignDefault())
        .withAction(2, fault())
        .withAction(4, reconcile())
        .withMaxTransformations(40);
  }

  // ---- actions --------------------------------------------------------------------------------

  private static Arbitrary<BackupStorageSpec> storage() {
    return Arbitraries.of(
        Fixtures.s3("bucket-one"),
        Fixtures.s3("bucket-two"),
        Fixtures.minio("minio-backups", "creds"),
        Fixtures.gcs("gcs-backups", "gcs-creds"),
        Fixtures.azure("azure-backups"),
        Fixtures.s3("Bad_Bucket"),
        Fixtures.s3("bucket-one").withCloudProviderRef("aws-prod"));
  }

  private static Action.Independent<Sim> createStore() {
    return () ->
        Combinators.combine(
                Arbitraries.of(NAMESPACES),
                Arbitraries.of(NAMES),
                Arbitraries.of(true, false),
                storage())
            .as(
                (ns, name, dflt, spec) ->
                    Transformer.mutate(
                        "create "
                            + ns
                            + "/"
                            + name
                            + (dflt ? " (default) " : " ")
                            + spec.provider(),
                        (Sim sim) -> {
                          if (sim.world.cluster.store(new StoreKey(ns, name)).isEmpty()) {
                            sim.world.create(Fixtures.store(ns, name, dflt, spec));
                          }
                        }));
  }

  private static Action.Dependent<Sim> updateStore() {
    return new Action.Dependent<>() {
      @Override
      public boolean precondition(Sim sim) {
        return !sim.liveKeys().isEmpty();
      }

      @Override
      public Arbitrary<Transformer<Sim>> transformer(Sim sim) {
        return Combinators.combine(
                Arbitraries.of(sim.liveKeys()), Arbitraries.of(true, false), storage())
            .as(
                (key, dflt, spec) ->
                    Transformer.mutate(
                        "update " + key + (dflt ? " (default) " : " ") + spec.provider(),
                        (Sim s) -> {
                          if (s.world.cluster.store(key).isPresent()) {
                            s.world.cluster.updateStoreSpec(key, new BackupStoreSpec(dflt, spec));
                          }
                        }));
      }
    };
  }

  private static Action.Dependent<Sim> deleteStore() {
    return new Action.Dependent<>() {
      @Override
      public boolean precondition(Sim sim) {
        return !sim.liveKeys().isEmpty();
      }

      @Override
      public Arbitrary<Transformer<Sim>> transformer(Sim sim) {
        return Arbitraries.of(sim.liveKeys())
            .map(
                key ->
                    Transformer.mutate(
                        "delete " + key,
                        (Sim s) -> {
                          if (s.world.cluster.store(key).isPresent()) {
                            s.world.cluster.deleteStore(key);
                          }
                        }));
      }
    };
  }

  private static Action.Independent<Sim> putSecret() {
    return () ->
        Combinators.combine(
                Arbitraries.of(NAMESPACES),
                Arbitraries.of(SECRETS),
                Arbitraries.strings().alpha().numeric().ofLength(12),
                Arbitraries.of(true, true, false))
            .as(
                (ns, name, value, keep) ->
                    Transformer.mutate(
                        (keep ? "put Secret " : "delete Secret ") + ns + "/" + name,
                        (Sim sim) -> {
                          if (keep) {
                            String secret = "SECRET-" + value;
                            sim.secretValues.add(secret);
                            sim.world.cluster.putSecret(ns, name, Fixtures.cloud(secret));
                          } else {
                            sim.world.cluster.deleteSecret(ns, name);
                          }
                        }));
  }

  private static Action.Independent<Sim> velero() {
    return () ->
        Arbitraries.of("validate", "break", "repair", "uninstall", "install", "single-default")
            .map(
                what ->
                    Transformer.mutate(
                        "Velero " + what,
                        (Sim sim) -> {
                          var velero = sim.world.cluster.velero();
                          List<ObservedBsl> bsls = sim.world.cluster.bsls();
                          switch (what) {
                            case "validate" -> velero.validateAll();
                            case "break" -> {
                              bsls.forEach(b -> velero.breakLocation(b.name(), "bucket gone"));
                              velero.validateAll();
                            }
                            case "repair" -> {
                              bsls.forEach(b -> velero.repairLocation(b.name()));
                              velero.validateAll();
                            }
                            case "uninstall" -> velero.installed(false);
                            case "install" -> velero.installed(true);
                            default -> velero.ensureSingleDefault();
                          }
                        }));
  }

  private static Action.Independent<Sim> foreignDefault() {
    return () ->
        Arbitraries.of(true, false)
            .map(
                dflt ->
                    Transformer.mutate(
                        "foreign BSL default=" + dflt,
                        (Sim sim) -> {
                          if (!sim.world.cluster.velero().isInstalled()) {
                            return;
                          }
                          sim.world.clock.tick(Duration.ofSeconds(1));
                          sim.world.cluster.putForeignBsl(
                              new BackupStorageLocation(
                                  ObjectMetadata.named("default").withNamespace(Fixtures.VELERO),
                                  new BslSpec(
                                      "aws",
                                      new ObjectStorage("velero-install", Optional.empty()),
                                      Map.of("region", "us-east-1"),
                                      Optional.empty(),
                                      dflt)));
                          sim.world.cluster.velero().ensureSingleDefault();
                        }));
  }

  private static Action.Independent<Sim> fault() {
    // No injected NotFound: it is a statement about the world ("the object is gone"), which the
    // reconciler rightly believes on a delete; injecting it while the object exists makes the fake
    // cluster lie. Real NotFounds happen in the chains anyway (deleting what is already gone).
    Arbitrary<PortFailure> failures =
        Arbitraries.of(
            new PortFailure.Conflict("conflict"),
            new PortFailure.Transient("timeout"),
            new PortFailure.Forbidden("forbidden"),
            new PortFailure.ResourceTypeMissing("no such resource"));
    Arbitrary<Transformer<Sim>> nth =
        Combinators.combine(Arbitraries.integers().between(1, 12), failures)
            .as(
                (n, failure) ->
                    Transformer.mutate(
                        "fail call " + n + " with " + failure.getClass().getSimpleName(),
                        (Sim sim) -> sim.world.cluster.faults().failNthCall(n, failure)));
    Arbitrary<Transformer<Sim>> write =
        Combinators.combine(
                Arbitraries.of(
                    FaultInjector.Target.STORES,
                    FaultInjector.Target.BSLS,
                    FaultInjector.Target.SECRETS,
                    FaultInjector.Target.ANY),
                failures)
            .as(
                (target, failure) ->
                    Transformer.mutate(
                        "fail next " + target + " write with " + failure.getClass().getSimpleName(),
                        (Sim sim) -> sim.world.cluster.faults().failNextWrite(target, failure)));
    return () -> Arbitraries.oneOf(nth, write);
  }

  private static Action.Dependent<Sim> reconcile() {
    return new Action.Dependent<>() {
      @Override
      public Arbitrary<Transformer<Sim>> transformer(Sim sim) {
        List<Optional<StoreKey>> scopes = new ArrayList<>();
        scopes.add(Optional.empty());
        scopes.add(Optional.empty());
        sim.world.cluster.stores().forEach(s -> scopes.add(Optional.of(StoreKey.of(s))));
        return Arbitraries.of(scopes)
            .map(
                scope ->
                    Transformer.mutate(
                        "reconcile " + scope.map(StoreKey::toString).orElse("all"),
                        (Sim s) -> {
                          s.world.clock.tick(Duration.ofSeconds(1));
                          int before = s.world.cluster.writes().size();
                          ReconcileOutcome outcome =
                              scope.isPresent()
                                  ? s.world.reconciler.reconcile(
                                      scope.get().namespace(), scope.get().name())
                                  : s.world.reconciler.reconcile();
                          assertThat(outcome.writes())
                              .as("the writes counted are the writes the cluster saw")
                              .isEqualTo(s.world.cluster.writes().size() - before);
                          assertThat(outcome.writes())
                              .isGreaterThanOrEqualTo(outcome.done().size());
                          if (!outcome.failures().isEmpty()) {
                            assertThat(outcome.requeueAfter()).isPresent();
                          }
                        }));
      }
    };
  }

  // ---- invariants -----------------------------------------------------------------------------

  private static void oneDefault(Sim sim) {
    assertThat(sim.world.cluster.maxManagedDefaults()).isLessThanOrEqualTo(1);
    assertThat(
            sim.world.cluster.bsls().stream().filter(b -> b.isManaged() && b.isDefault()).count())
        .as("recounted independently of the cluster's own counter")
        .isLessThanOrEqualTo(1);
  }

  private static void foreignUntouched(Sim sim) {
    List<String> foreign = sim.world.cluster.foreignWrites();
    if (sim.policy == ForeignDefaultPolicy.RESPECT) {
      assertThat(foreign).isEmpty();
    } else {
      assertThat(foreign).allMatch(w -> w.startsWith("set default=false on "));
    }
  }

  private static void noLeak(Sim sim) {
    List<String> outside = new ArrayList<>();
    for (ObservedBsl bsl : sim.world.cluster.bsls()) {
      outside.add(BslJson.toJson(new BackupStorageLocation(bsl.metadata(), bsl.spec())));
      outside.add(bsl.toString());
    }
    for (BackupStore store : sim.world.cluster.stores()) {
      outside.add(store.toString());
    }
    outside.addAll(CapturedLogs.lines());
    outside.addAll(sim.world.cluster.writes());
    for (String value : sim.secretValues) {
      String b64 = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
      for (String text : outside) {
        assertThat(text).doesNotContain(value).doesNotContain(b64);
      }
    }
  }

  // ---- after the faults stop ------------------------------------------------------------------

  private static void convergeAfterFaultsStop(Sim sim) {
    World w = sim.world;
    w.cluster.faults().clear();
    ReconcileOutcome once = w.reconcile();
    assertThat(once.failures()).as("one reconcile converges").isEmpty();
    assertThat(w.plan().actions()).as("the next plan is empty").isEmpty();

    w.cluster.velero().validateAll();
    assertThat(w.reconcile().failures()).isEmpty();
    assertThat(w.plan().actions()).as("the plan after Velero's validation is empty").isEmpty();
    assertThat(w.reconcile().writes()).isZero();
    statusesMatchDefinitions(sim);
    oneDefault(sim);
    foreignUntouched(sim);
    noLeak(sim);
  }

  private static void statusesMatchDefinitions(Sim sim) {
    World w = sim.world;
    TranslationOptions topts = w.options.translation();
    boolean installed = w.cluster.velero().isInstalled();
    int defaults = 0;
    for (BackupStore store : w.cluster.stores()) {
      assertThat(store.metadata().isBeingDeleted())
          .as("deleted stores are released: %s", StoreKey.of(store))
          .isFalse();
      assertThat(store.metadata().finalizers()).contains(w.options.finalizer());
      BackupStoreStatus status = store.status().orElseThrow();
      assertThat(status.observedGeneration()).isEqualTo(store.metadata().generation());
      boolean valid = Translator.validate(store, topts).isEmpty();
      assertThat(status.condition(Conditions.SPEC_VALID).orElseThrow().status())
          .isEqualTo(valid ? ConditionStatus.TRUE : ConditionStatus.FALSE);
      Optional<ObservedBsl> bsl = status.veleroBslName().flatMap(w.cluster::bsl);
      switch (status.phase()) {
        case READY -> {
          assertThat(valid).isTrue();
          assertThat(bsl).isPresent();
          assertThat(bsl.get().isManaged()).isTrue();
          assertThat(bsl.get().phase()).contains(VeleroPhase.AVAILABLE);
        }
        case PENDING -> {
          assertThat(valid).isTrue();
          assertThat(installed).as("only a missing Velero leaves a store Pending here").isFalse();
        }
        case FAILED -> {
          String reason = status.condition(Conditions.READY).orElseThrow().reason();
          if (!valid) {
            assertThat(reason).isEqualTo(Conditions.REASON_INVALID_SPEC);
          } else if (reason.equals(Conditions.REASON_CREDENTIALS_UNAVAILABLE)) {
            String secret = store.spec().storage().credentialsSecretRef().orElseThrow();
            String namespace = store.metadata().namespace().orElseThrow();
            assertThat(w.cluster.secret(namespace, secret).filter(d -> d.keys().contains("cloud")))
                .as("credentials really are missing")
                .isEmpty();
          } else {
            assertThat(reason).isEqualTo(Conditions.REASON_UNAVAILABLE);
            assertThat(bsl).isPresent();
            assertThat(bsl.get().phase()).contains(VeleroPhase.UNAVAILABLE);
          }
        }
      }
      assertThat(status.condition(Conditions.READY).orElseThrow().status())
          .isEqualTo(
              status.phase() == BackupStorePhase.READY
                  ? ConditionStatus.TRUE
                  : ConditionStatus.FALSE);
      if (status.condition(Conditions.DEFAULT).orElseThrow().status() == ConditionStatus.TRUE) {
        defaults++;
        assertThat(store.spec().isDefault()).isTrue();
        if (installed && bsl.isPresent() && bsl.get().isManaged()) {
          assertThat(bsl.get().isDefault()).isTrue();
        }
      }
    }
    assertThat(defaults).isLessThanOrEqualTo(1);
    Set<String> live = new HashSet<>();
    w.cluster.stores().forEach(s -> live.add(StoreKey.of(s).toString()));
    for (ObservedBsl bsl : w.cluster.bsls()) {
      if (bsl.isManaged()) {
        assertThat(live)
            .as("no orphan BSL")
            .contains(bsl.metadata().annotations().get("lattice.dev/backup-store"));
      }
    }
  }
}
