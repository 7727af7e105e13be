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
package dev.lattice.backup.reconcile.plan.internal;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ConditionStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.plan.Step;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.translate.CredentialMirror;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TranslationPlan;
import dev.lattice.backup.translate.TranslationResult;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslLabels;
import dev.lattice.backup.translate.defaults.DefaultSelection;
import dev.lattice.backup.translate.defaults.ForeignBsl;
import dev.lattice.backup.translate.defaults.NotDefault;
import dev.lattice.backup.translate.internal.defaults.DefaultSelector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The planner as it was before it was made linear (issue 19), kept verbatim but for its name as the
 * reference that {@code PlannerProperties} compares {@link Planner} with: same observation, same
 * plan. Test code only; it is slow at scale and never used to plan.
 */
public final class ReferencePlanner {

  private ReferencePlanner() {}

  /**
   * The credentials Secrets the reconciler must read before planning: those named by stores whose
   * Secret lives outside Velero's namespace.
   *
   * @param stores every store
   * @param options the options
   * @return the Secrets to read, sorted
   */
  public static Set<SecretRef> sourcesToRead(List<BackupStore> stores, ReconcileOptions options) {
    TreeSet<SecretRef> out = new TreeSet<>();
    for (BackupStore store : stores) {
      ObjectMetadata meta = store.metadata();
      if (meta == null || meta.isBeingDeleted()) {
        continue;
      }
      if (Translator.translate(store, options.translation())
          instanceof TranslationResult.Translated t) {
        if (t.mirror().isPresent()) {
          out.add(new SecretRef(t.mirror().get().sourceNamespace(), t.mirror().get().sourceName()));
        } else {
          t.bsl()
              .spec()
              .credential()
              .ifPresent(
                  c -> out.add(new SecretRef(options.translation().veleroNamespace(), c.name())));
        }
      }
    }
    return out;
  }

  /**
   * The names, in Velero's namespace, of the Secrets the stores' credentials are mirrored to. The
   * reconciler looks up those that {@link
   * dev.lattice.backup.reconcile.port.SecretPort#listMirrored()} did not return, so that the
   * planner sees a Secret someone else made at such a name ({@link ObservedState#occupants()}).
   *
   * @param stores every store
   * @param options the options
   * @return the names, sorted
   */
  public static Set<String> mirrorTargets(List<BackupStore> stores, ReconcileOptions options) {
    TreeSet<String> out = new TreeSet<>();
    for (CredentialMirror m : mirrors(stores, options)) {
      out.add(m.targetName());
    }
    return out;
  }

  private static List<CredentialMirror> mirrors(
      List<BackupStore> stores, ReconcileOptions options) {
    List<CredentialMirror> out = new ArrayList<>();
    for (BackupStore store : stores) {
      if (store.metadata() == null || store.metadata().isBeingDeleted()) {
        continue;
      }
      if (Translator.translate(store, options.translation())
          instanceof TranslationResult.Translated t) {
        t.mirror().ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * Plans one reconcile over the whole observed state.
   *
   * @param observed what the cluster holds
   * @param options the options
   * @param now the current time, used only for condition transition times
   * @return the plan
   */
  public static Plan plan(ObservedState observed, ReconcileOptions options, Instant now) {
    return new Run(observed, options, now).plan();
  }

  /**
   * The store a BSL or Secret belongs to, as its metadata proves it ({@link
   * BslLabels#provenOwner}): our managed-by label, the annotation {@code lattice.dev/backup-store:
   * namespace/name}, and store labels that agree with it where present.
   *
   * @param meta the object's metadata
   * @return the owning store, or empty when the metadata does not prove one
   */
  public static Optional<StoreKey> provenOwner(ObjectMetadata meta) {
    return BslLabels.provenOwner(meta);
  }

  /** The mutable working state of one planning run; never escapes {@link #plan}. */
  private static final class Run {
    private final ObservedState observed;
    private final ReconcileOptions options;
    private final TranslationOptions topts;
    private final Instant now;

    private final Map<String, ObservedBsl> bslByName = new TreeMap<>();
    private final Map<String, ObjectMetadata> secretByName = new TreeMap<>();
    private final Map<String, MirroredSecret> mirroredByName = new TreeMap<>();
    private final Map<StoreKey, List<ObservedBsl>> bslsByOwner = new HashMap<>();
    private final Map<StoreKey, List<MirroredSecret>> secretsByOwner = new HashMap<>();

    private final List<Action> unsetDefaults = new ArrayList<>();
    private final List<Action> addFinalizers = new ArrayList<>();
    private final List<Action> applySecrets = new ArrayList<>();
    private final List<Action> applyBsls = new ArrayList<>();
    private final List<Action> deleteBsls = new ArrayList<>();
    private final List<Action> deleteSecrets = new ArrayList<>();
    private final List<Action> patchStatuses = new ArrayList<>();
    private final List<Action> removeFinalizers = new ArrayList<>();
    private final List<Action> setDefaults = new ArrayList<>();
    private final TreeMap<StoreKey, BackupStoreStatus> statuses = new TreeMap<>();
    private final Map<StoreKey, Prepared> prepared = new HashMap<>();
    private boolean anyPending;
    private boolean anyExternallyFailed;

    Run(ObservedState observed, ReconcileOptions options, Instant now) {
      this.observed = observed;
      this.options = options;
      this.topts = options.translation();
      this.now = now;
    }

    Plan plan() {
      List<ForeignBsl> foreign = new ArrayList<>();
      for (ObservedBsl bsl : observed.bsls()) {
        bslByName.put(bsl.name(), bsl);
        Optional<StoreKey> owner = provenOwner(bsl.metadata());
        if (owner.isPresent()) {
          bslsByOwner.computeIfAbsent(owner.get(), k -> new ArrayList<>()).add(bsl);
        } else {
          foreign.add(new ForeignBsl(bsl.name(), bsl.isDefault()));
        }
      }
      for (ObjectMetadata occupant : observed.occupants()) {
        secretByName.put(Objects.requireNonNull(occupant.name(), "name"), occupant);
      }
      for (MirroredSecret secret : observed.mirrored()) {
        secretByName.put(secret.name(), secret.metadata());
        mirroredByName.put(secret.name(), secret);
        provenOwner(secret.metadata())
            .ifPresent(o -> secretsByOwner.computeIfAbsent(o, k -> new ArrayList<>()).add(secret));
      }
      List<BackupStore> stores =
          observed.stores().stream()
              .filter(s -> s.metadata() != null)
              .sorted(Comparator.comparing(StoreKey::of))
              .toList();
      TranslationPlan translation = Translator.translateAll(stores, foreign, topts);
      Set<StoreKey> cannotWin = new TreeSet<>(translation.rejections().keySet());
      for (BackupStore store : stores) {
        StoreKey key = StoreKey.of(store);
        if (Objects.requireNonNull(store.metadata()).isBeingDeleted()) {
          continue;
        }
        TranslationResult result = translation.results().get(key);
        Optional<StoreKey> holder = Optional.ofNullable(translation.nameConflicts().get(key));
        if (holder.isPresent()
            && Translator.translate(store, topts) instanceof TranslationResult.Translated t) {
          // Rejected only because an older store derives the same BSL name: a name conflict.
          Prepared p = collision(t, holder.get());
          prepared.put(key, p);
        } else if (result instanceof TranslationResult.Translated t) {
          Prepared p = prepare(key, t);
          prepared.put(key, p);
          if (p.blocker().isPresent()) {
            cannotWin.add(key);
          }
        }
      }
      DefaultSelection selection = DefaultSelector.select(stores, foreign, topts, cannotWin);
      Set<StoreKey> present = new TreeSet<>();
      for (BackupStore store : stores) {
        present.add(StoreKey.of(store));
      }

      for (BackupStore store : stores) {
        StoreKey key = StoreKey.of(store);
        if (Objects.requireNonNull(store.metadata()).isBeingDeleted()) {
          planDeletion(store, key);
        } else {
          TranslationResult result =
              Objects.requireNonNull(translation.results().get(key), "translation of " + key);
          planLive(store, key, result, selection);
        }
      }
      collectOrphans(present);
      if (observed.bslTypeExists()) {
        planDefaultMoves(stores, selection);
      }
      return assemble();
    }

    /**
     * Unsets every BSL that is the default and should not be (ours, or foreign under the take-over
     * policy), then sets the winner's existing BSL, if the winner has our finalizer.
     */
    private void planDefaultMoves(List<BackupStore> stores, DefaultSelection selection) {
      Optional<String> winnerName = Optional.empty();
      Optional<StoreKey> winner = selection.winner();
      if (winner.isPresent()) {
        Prepared p = prepared.get(winner.get());
        if (p != null && p.blocker().isEmpty()) {
          winnerName = Optional.of(p.bsl().name());
        }
      }
      Set<String> unsetForeign = new TreeSet<>(selection.foreignDefaultsToUnset());
      for (ObservedBsl bsl : bslByName.values()) {
        if (!bsl.isDefault()) {
          continue;
        }
        Optional<StoreKey> owner = provenOwner(bsl.metadata());
        boolean keep =
            owner.isPresent()
                && owner.equals(winner)
                && winnerName.filter(bsl.name()::equals).isPresent();
        if (owner.isPresent() && !keep) {
          unsetDefaults.add(new Action.SetDefault(bsl.name(), owner, false, version(bsl)));
        } else if (owner.isEmpty() && unsetForeign.contains(bsl.name())) {
          unsetDefaults.add(
              new Action.SetDefault(bsl.name(), Optional.empty(), false, version(bsl)));
        }
      }
      if (winner.isEmpty() || winnerName.isEmpty()) {
        return;
      }
      ObservedBsl existing = bslByName.get(winnerName.get());
      BackupStore store =
          stores.stream().filter(s -> StoreKey.of(s).equals(winner.get())).findFirst().orElse(null);
      if (existing == null
          || existing.isDefault()
          || store == null
          || !Objects.requireNonNull(store.metadata()).finalizers().contains(options.finalizer())
          || !provenOwner(existing.metadata()).equals(winner)) {
        return;
      }
      setDefaults.add(new Action.SetDefault(existing.name(), winner, true, version(existing)));
    }

    private void planDeletion(BackupStore store, StoreKey key) {
      if (observed.bslTypeExists()) {
        for (ObservedBsl bsl : bslsByOwner.getOrDefault(key, List.of())) {
          deleteBsls.add(new Action.DeleteBsl(bsl.name(), Optional.of(key), version(bsl)));
        }
      }
      for (MirroredSecret secret : secretsByOwner.getOrDefault(key, List.of())) {
        deleteSecrets.add(
            new Action.DeleteSecret(secret.name(), Optional.of(key), version(secret.metadata())));
      }
      ObjectMetadata meta = Objects.requireNonNull(store.metadata());
      if (meta.finalizers().contains(options.finalizer())) {
        removeFinalizers.add(new Action.RemoveFinalizer(key, meta.resourceVersion()));
      }
    }

    private void planLive(
        BackupStore store, StoreKey key, TranslationResult result, DefaultSelection selection) {
      ObjectMetadata meta = Objects.requireNonNull(store.metadata());
      if (!meta.finalizers().contains(options.finalizer())) {
        addFinalizers.add(new Action.AddFinalizer(key, meta.resourceVersion()));
      }
      List<ObservedBsl> owned = bslsByOwner.getOrDefault(key, List.of());
      List<FieldError> errors = List.of();
      Optional<StatusRules.Blocker> blocker = Optional.empty();
      Optional<String> reportedName;
      Optional<ObservedBsl> reported;

      Prepared found = prepared.get(key);
      if (found == null && result instanceof TranslationResult.Rejected rejected) {
        errors = rejected.errors();
        reported = owned.stream().findFirst();
        reportedName = reported.map(ObservedBsl::name);
      } else {
        Prepared p = Objects.requireNonNull(found, "prepared " + key);
        reportedName = Optional.of(p.bsl().name());
        blocker = p.blocker();
        if (blocker.isPresent()) {
          reported = p.conflict() ? Optional.empty() : Optional.ofNullable(p.existing());
          if (p.revoked()) {
            for (MirroredSecret secret : secretsByOwner.getOrDefault(key, List.of())) {
              deleteSecrets.add(
                  new Action.DeleteSecret(
                      secret.name(), Optional.of(key), version(secret.metadata())));
            }
          }
        } else {
          reported = Optional.ofNullable(p.existing());
          if (observed.bslTypeExists()) {
            planApply(key, p, owned);
          }
        }
      }
      DefaultVerdict verdict = verdict(store, key, selection, blocker);
      StatusRules.Facts facts =
          new StatusRules.Facts(
              errors,
              blocker,
              reportedName,
              topts.veleroNamespace(),
              observed.bslTypeExists(),
              observed.bslTypeExists() ? reported : Optional.empty(),
              verdict.toRules());
      BackupStoreStatus status = StatusRules.desired(store, facts, now);
      statuses.put(key, status);
      if (status.phase() == BackupStorePhase.PENDING) {
        anyPending = true;
      } else if (status.phase() == BackupStorePhase.FAILED && errors.isEmpty()) {
        anyExternallyFailed = true;
      }
      if (!store.status().filter(status::equals).isPresent()) {
        patchStatuses.add(new Action.PatchStatus(key, meta.resourceVersion(), status));
      }
    }

    /** A translated store's desired objects and what blocks applying them. */
    private Prepared prepare(StoreKey key, TranslationResult.Translated translated) {
      BackupStorageLocation bsl = translated.bsl().withDefault(false);
      ObservedBsl existing = bslByName.get(bsl.name());
      Optional<StatusRules.Blocker> blocker =
          nameConflict(
              "BackupStorageLocation",
              bsl.name(),
              existing == null ? null : existing.metadata(),
              key);
      if (blocker.isPresent()) {
        return new Prepared(bsl, existing, Optional.empty(), blocker, true, false);
      }
      if (translated.mirror().isPresent()) {
        CredentialMirror mirror = translated.mirror().get();
        blocker =
            nameConflict("Secret", mirror.targetName(), secretByName.get(mirror.targetName()), key);
        if (blocker.isPresent()) {
          return new Prepared(bsl, existing, Optional.empty(), blocker, true, false);
        }
      }
      SecretRef from =
          translated
              .mirror()
              .map(m -> new SecretRef(m.sourceNamespace(), m.sourceName()))
              .or(
                  () ->
                      translated
                          .bsl()
                          .spec()
                          .credential()
                          .map(c -> new SecretRef(topts.veleroNamespace(), c.name())))
              .orElse(null);
      CredentialsRule.Verdict verdict =
          CredentialsRule.judge(
              translated,
              from == null ? null : observed.sources().get(from),
              existing == null ? Optional.empty() : existing.spec().objectStorage().caCertRef());
      if (verdict instanceof CredentialsRule.Blocked b) {
        return new Prepared(
            bsl, existing, Optional.empty(), Optional.of(b.blocker()), false, b.revoked());
      }
      CredentialsRule.Apply apply = (CredentialsRule.Apply) verdict;
      return new Prepared(
          apply.translated().bsl().withDefault(false),
          existing,
          apply.copy().map(d -> mirrored(translated.mirror().orElseThrow(), key, d)),
          Optional.empty(),
          false,
          false);
    }

    /** A store refused because an older store derives the same BSL name. */
    private Prepared collision(TranslationResult.Translated translated, StoreKey holder) {
      BackupStorageLocation bsl = translated.bsl().withDefault(false);
      return new Prepared(
          bsl,
          bslByName.get(bsl.name()),
          Optional.empty(),
          Optional.of(
              new StatusRules.Blocker(
                  Conditions.REASON_NAME_CONFLICT,
                  "BackupStorageLocation name "
                      + bsl.name()
                      + " is also derived from BackupStore "
                      + holder
                      + ", which is older and keeps it; rename this store")),
          true,
          false);
    }

    private void planApply(StoreKey key, Prepared p, List<ObservedBsl> owned) {
      Optional<MirroredSecret> desiredSecret = p.secret();
      if (desiredSecret.isPresent()) {
        MirroredSecret want = desiredSecret.get();
        MirroredSecret have = mirroredByName.get(want.name());
        if (have == null) {
          applySecrets.add(new Action.ApplySecret(key, want, Optional.empty()));
        } else if (!have.data().equals(want.data()) || !owns(have.metadata(), want.metadata())) {
          applySecrets.add(
              new Action.ApplySecret(key, want, Optional.of(version(have.metadata()))));
        }
      }
      for (MirroredSecret secret : secretsByOwner.getOrDefault(key, List.of())) {
        if (desiredSecret.filter(s -> s.name().equals(secret.name())).isEmpty()) {
          deleteSecrets.add(
              new Action.DeleteSecret(secret.name(), Optional.of(key), version(secret.metadata())));
        }
      }
      BackupStorageLocation desired = p.bsl();
      ObservedBsl existing = p.existing();
      if (existing == null) {
        applyBsls.add(new Action.ApplyBsl(key, desired, Optional.empty()));
      } else if (!existing.spec().withDefault(false).equals(desired.spec().withDefault(false))
          || !owns(existing.metadata(), desired.metadata())) {
        applyBsls.add(new Action.ApplyBsl(key, desired, Optional.of(version(existing))));
      }
      for (ObservedBsl stale : owned) {
        if (!stale.name().equals(desired.name())) {
          deleteBsls.add(new Action.DeleteBsl(stale.name(), Optional.of(key), version(stale)));
        }
      }
    }

    private void collectOrphans(Set<StoreKey> present) {
      if (observed.bslTypeExists()) {
        bslsByOwner.forEach(
            (owner, bsls) -> {
              if (!present.contains(owner)) {
                bsls.forEach(
                    b ->
                        deleteBsls.add(
                            new Action.DeleteBsl(b.name(), Optional.of(owner), version(b))));
              }
            });
      }
      secretsByOwner.forEach(
          (owner, secrets) -> {
            if (!present.contains(owner)) {
              secrets.forEach(
                  s ->
                      deleteSecrets.add(
                          new Action.DeleteSecret(
                              s.name(), Optional.of(owner), version(s.metadata()))));
            }
          });
    }

    /**
     * Why a store may not write the object of a name: it exists and its labels do not prove it is
     * this store's.
     */
    private Optional<StatusRules.Blocker> nameConflict(
        String kind, String name, @Nullable ObjectMetadata existing, StoreKey key) {
      if (existing == null) {
        return Optional.empty();
      }
      String where = kind + " " + topts.veleroNamespace() + "/" + name;
      Optional<StoreKey> owner = provenOwner(existing);
      String why;
      if (owner.isPresent() && owner.get().equals(key)) {
        return Optional.empty();
      } else if (owner.isPresent()) {
        why = where + " belongs to BackupStore " + owner.get() + "; it is left alone";
      } else if (BslLabels.isManaged(existing)) {
        why =
            where
                + " is labelled as managed by lattice-backup but its labels name no store; it is"
                + " left alone";
      } else {
        why = where + " exists and is not managed by lattice-backup; it is left alone";
      }
      return Optional.of(new StatusRules.Blocker(Conditions.REASON_NAME_CONFLICT, why));
    }

    private MirroredSecret mirrored(CredentialMirror mirror, StoreKey key, SecretData data) {
      ObjectMetadata meta =
          BslLabels.ownedBy(
                  ObjectMetadata.builder()
                      .name(mirror.targetName())
                      .namespace(mirror.targetNamespace()),
                  key.namespace(),
                  key.name())
              .build();
      return new MirroredSecret(meta, data);
    }

    private DefaultVerdict verdict(
        BackupStore store,
        StoreKey key,
        DefaultSelection selection,
        Optional<StatusRules.Blocker> blocker) {
      if (blocker.isPresent() && store.spec() != null && store.spec().isDefault()) {
        return new DefaultVerdict(
            ConditionStatus.FALSE,
            blocker.get().reason(),
            "a store whose BackupStorageLocation cannot be applied cannot be the default: "
                + blocker.get().message());
      }
      if (selection.isDefault(key)) {
        return new DefaultVerdict(
            ConditionStatus.TRUE, Conditions.REASON_DEFAULT, "this store is the cluster default");
      }
      Optional<NotDefault> why = selection.whyNot(key);
      if (why.isPresent()) {
        return new DefaultVerdict(
            ConditionStatus.FALSE, why.get().reason().reason(), why.get().message());
      }
      return new DefaultVerdict(ConditionStatus.FALSE, Conditions.REASON_NOT_REQUESTED, "");
    }

    private Plan assemble() {
      List<Step> steps = new ArrayList<>();
      List<Integer> unsetIndexes = new ArrayList<>();
      Map<StoreKey, List<Integer>> bySubject = new HashMap<>();
      List<List<Action>> groups =
          List.of(
              sorted(unsetDefaults),
              addFinalizers,
              applySecrets,
              applyBsls,
              sorted(deleteBsls),
              sorted(deleteSecrets),
              patchStatuses,
              removeFinalizers,
              setDefaults);
      for (int g = 0; g < groups.size(); g++) {
        for (Action action : groups.get(g)) {
          TreeSet<Integer> deps = new TreeSet<>();
          action.subject().ifPresent(s -> deps.addAll(bySubject.getOrDefault(s, List.of())));
          boolean movesDefault = action instanceof Action.SetDefault;
          if (action instanceof Action.SetDefault set && set.value()) {
            deps.addAll(unsetIndexes);
          }
          int index = steps.size();
          steps.add(new Step(action, new ArrayList<>(deps), movesDefault));
          if (g == 0) {
            unsetIndexes.add(index);
          }
          action
              .subject()
              .ifPresent(s -> bySubject.computeIfAbsent(s, k -> new ArrayList<>()).add(index));
        }
      }
      Optional<Duration> recheck = Optional.empty();
      if (anyPending) {
        recheck = Optional.of(options.pendingRecheck());
      } else if (anyExternallyFailed) {
        recheck = Optional.of(options.failedRecheck());
      }
      return new Plan(steps, statuses, recheck);
    }

    /** By kind and name, so that plans are deterministic. */
    private static List<Action> sorted(List<Action> actions) {
      List<Action> copy = new ArrayList<>(actions);
      copy.sort(Comparator.comparing(Run::sortKey));
      return copy;
    }

    private static String sortKey(Action action) {
      if (action instanceof Action.SetDefault u) {
        return "0 " + u.bslName();
      } else if (action instanceof Action.DeleteBsl d) {
        return "2 " + d.bslName();
      } else if (action instanceof Action.DeleteSecret d) {
        return "3 " + d.secretName();
      }
      return "4 " + action;
    }
  }

  /** The resourceVersion observed; an object read from a cluster always has one. */
  private static String version(ObservedBsl bsl) {
    return version(bsl.metadata());
  }

  private static String version(ObjectMetadata meta) {
    return meta.resourceVersion().orElse("");
  }

  /** Whether {@code have} carries every label and annotation of {@code want}. */
  private static boolean owns(ObjectMetadata have, ObjectMetadata want) {
    return have.labels().entrySet().containsAll(want.labels().entrySet())
        && have.annotations().entrySet().containsAll(want.annotations().entrySet());
  }

  /**
   * A translated store's desired BSL (not yet default), the BSL of that name if one exists, the
   * Secret to mirror, and what blocks applying them.
   */
  private record Prepared(
      BackupStorageLocation bsl,
      @Nullable ObservedBsl existing,
      Optional<MirroredSecret> secret,
      Optional<StatusRules.Blocker> blocker,
      boolean conflict,
      boolean revoked) {}

  /** A default verdict for the status rules. */
  private record DefaultVerdict(ConditionStatus status, String reason, String message) {
    StatusRules.DefaultVerdict toRules() {
      return new StatusRules.DefaultVerdict(status, reason, message);
    }
  }
}
