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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Plans a reconcile: a pure function from an {@link ObservedState} to a {@link Plan}.
 *
 * <ul>
 *   <li>Converged state: an empty plan. Only differences in the fields this library owns cause a
 *       write; server-set metadata and Velero's status are ignored.
 *   <li>Ownership: a BSL or mirrored Secret belongs to a store only when its labels and annotation
 *       prove it ({@link #provenOwner}). Nothing else is ever written or deleted: a store whose BSL
 *       or Secret name is held by anything else reports {@code NameConflict} and keeps its hands
 *       off, at creation and at deletion, and an object labelled as ours that names no store is
 *       left alone. Writes are conditional on the version observed (create only, or update that
 *       version), so an object that appears or changes after the observation is not touched either.
 *   <li>A store being deleted: its BSL and mirrored Secret are deleted, then our finalizer removed.
 *       A BSL of ours whose store no longer exists is deleted (orphan collection).
 *   <li>An invalid store keeps its last good BSL (deleting it would silently detach its backups);
 *       it reports {@code Failed} and, if that BSL was the default, loses the default.
 *   <li>The default moves only through {@link Action.SetDefault} steps: every BSL that should not
 *       be the default is unset before the winner's existing BSL is set. The reconciler runs these
 *       steps in its single default writer, never from a per-store reconcile.
 * </ul>
 */
public final class Planner {

  private Planner() {}

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
    return BslLabels.provenOwner(meta)
        .map(
            value -> {
              int slash = value.indexOf('/');
              return new StoreKey(value.substring(0, slash), value.substring(slash + 1));
            });
  }

  /** The mutable working state of one planning run; never escapes {@link #plan}. */
  private static final class Run {
    private final ObservedState observed;
    private final ReconcileOptions options;
    private final TranslationOptions topts;
    private final Instant now;

    // Look-ups only: no order of these maps is ever observable (whatever is emitted from them is
    // sorted in assemble), so they are hash maps, sized up front. Each entry keeps the owner its
    // object's metadata proves, parsed once; the owners' entries are taken out as the stores are
    // planned, so that what is left at the end is the orphans.
    private final Map<String, Named<ObservedBsl>> bslByName;
    private final Map<String, Named<SecretAt>> secretByName;
    private final Map<StoreKey, Owned> byOwner;
    private final List<ObservedBsl> defaultBsls = new ArrayList<>();

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

    /** Each store's prepared objects, by its position in key order; null where there are none. */
    private @Nullable Prepared[] prepared = new Prepared[0];

    private boolean anyPending;
    private boolean anyExternallyFailed;

    Run(ObservedState observed, ReconcileOptions options, Instant now) {
      this.observed = observed;
      this.options = options;
      this.topts = options.translation();
      this.now = now;
      int bsls = observed.bsls().size();
      int secrets = observed.mirrored().size() + observed.occupants().size();
      this.bslByName = new HashMap<>(capacity(bsls));
      this.secretByName = new HashMap<>(capacity(secrets));
      this.byOwner = new HashMap<>(capacity(bsls));
    }

    Plan plan() {
      List<ForeignBsl> foreign = new ArrayList<>();
      for (ObservedBsl bsl : observed.bsls()) {
        StoreKey owner = provenOwner(bsl.metadata()).orElse(null);
        bslByName.put(bsl.name(), new Named<>(bsl, owner));
        if (owner != null) {
          byOwner.computeIfAbsent(owner, k -> new Owned()).bsls.add(bsl);
        } else {
          foreign.add(new ForeignBsl(bsl.name(), bsl.isDefault()));
        }
        if (bsl.isDefault()) {
          defaultBsls.add(bsl);
        }
      }
      for (ObjectMetadata occupant : observed.occupants()) {
        secretByName.put(
            Objects.requireNonNull(occupant.name(), "name"),
            new Named<>(new SecretAt(occupant, null), provenOwner(occupant).orElse(null)));
      }
      for (MirroredSecret secret : observed.mirrored()) {
        StoreKey owner = provenOwner(secret.metadata()).orElse(null);
        secretByName.put(
            secret.name(), new Named<>(new SecretAt(secret.metadata(), secret), owner));
        if (owner != null) {
          byOwner.computeIfAbsent(owner, k -> new Owned()).secrets.add(secret);
        }
      }
      // The stores in key order, each key computed once; translateAll then finds them in order,
      // and its results are matched to them by walking both in step, not by look-ups.
      ByKey byKey = ByKey.of(observed.stores());
      List<BackupStore> stores = byKey.stores();
      StoreKey[] keys = byKey.keys();
      TranslationPlan translation = Translator.translateAll(stores, foreign, topts);
      TranslationResult[] results = inStoreOrder(translation.results(), keys);
      prepared = new Prepared[keys.length];
      Set<StoreKey> cannotWin = new HashSet<>();
      for (int i = 0; i < keys.length; i++) {
        if (results[i] instanceof TranslationResult.Rejected) {
          cannotWin.add(keys[i]);
        }
      }
      for (int i = 0; i < keys.length; i++) {
        BackupStore store = stores.get(i);
        StoreKey key = keys[i];
        if (Objects.requireNonNull(store.metadata()).isBeingDeleted()) {
          continue;
        }
        TranslationResult result = results[i];
        Optional<StoreKey> holder = Optional.ofNullable(translation.nameConflicts().get(key));
        if (holder.isPresent()
            && Translator.translate(store, topts) instanceof TranslationResult.Translated t) {
          // Rejected only because an older store derives the same BSL name: a name conflict.
          prepared[i] = collision(t, holder.get());
        } else if (result instanceof TranslationResult.Translated t) {
          Prepared p = prepare(key, t);
          prepared[i] = p;
          if (p.blocker().isPresent()) {
            cannotWin.add(key);
          }
        }
      }
      DefaultSelection selection = DefaultSelector.select(stores, foreign, topts, cannotWin);
      Map<StoreKey, NotDefault> notDefault = new HashMap<>(selection.notDefault());
      Owned owned = Owned.NONE;
      for (int i = 0; i < keys.length; i++) {
        BackupStore store = stores.get(i);
        StoreKey key = keys[i];
        // Stores of equal keys are next to each other and share what they own.
        if (i == 0 || !keys[i - 1].equals(key)) {
          owned = Objects.requireNonNullElse(byOwner.remove(key), Owned.NONE);
        }
        if (Objects.requireNonNull(store.metadata()).isBeingDeleted()) {
          planDeletion(store, key, owned);
        } else {
          TranslationResult result = Objects.requireNonNull(results[i], "translation of " + key);
          planLive(store, key, owned, prepared[i], result, selection, notDefault);
        }
      }
      collectOrphans();
      if (observed.bslTypeExists()) {
        planDefaultMoves(byKey, selection);
      }
      return assemble();
    }

    /**
     * The translation results lined up with the sorted keys (null where there is none): both are in
     * key order, so one walk over both does it.
     */
    private static @Nullable TranslationResult[] inStoreOrder(
        SortedMap<StoreKey, TranslationResult> results, StoreKey[] keys) {
      TranslationResult[] out = new TranslationResult[keys.length];
      Iterator<Map.Entry<StoreKey, TranslationResult>> it = results.entrySet().iterator();
      Map.Entry<StoreKey, TranslationResult> entry = it.hasNext() ? it.next() : null;
      for (int i = 0; i < keys.length; i++) {
        while (entry != null && entry.getKey().compareTo(keys[i]) < 0) {
          entry = it.hasNext() ? it.next() : null;
        }
        if (entry != null && entry.getKey().equals(keys[i])) {
          out[i] = entry.getValue();
        }
      }
      return out;
    }

    /**
     * Unsets every BSL that is the default and should not be (ours, or foreign under the take-over
     * policy), then sets the winner's existing BSL, if the winner has our finalizer.
     */
    private void planDefaultMoves(ByKey byKey, DefaultSelection selection) {
      Optional<String> winnerName = Optional.empty();
      Optional<StoreKey> winner = selection.winner();
      if (winner.isPresent()) {
        int at = byKey.firstIndex(winner.get());
        Prepared p = at < 0 ? null : prepared[at];
        if (p != null && p.blocker().isEmpty()) {
          winnerName = Optional.of(p.bsl().name());
        }
      }
      Set<String> unsetForeign = new TreeSet<>(selection.foreignDefaultsToUnset());
      for (ObservedBsl bsl : defaultBsls) {
        Named<ObservedBsl> named = Objects.requireNonNull(bslByName.get(bsl.name()));
        if (named.value() != bsl) {
          continue; // a later BSL of the same name hides it, as in a look-up by name
        }
        Optional<StoreKey> owner = named.owner();
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
      Named<ObservedBsl> named = bslByName.get(winnerName.get());
      BackupStore store = byKey.first(winner.get()).orElse(null);
      if (named == null
          || named.value().isDefault()
          || store == null
          || !Objects.requireNonNull(store.metadata()).finalizers().contains(options.finalizer())
          || !named.owner().equals(winner)) {
        return;
      }
      ObservedBsl existing = named.value();
      setDefaults.add(new Action.SetDefault(existing.name(), winner, true, version(existing)));
    }

    private void planDeletion(BackupStore store, StoreKey key, Owned owned) {
      deleteAll(key, owned);
      ObjectMetadata meta = Objects.requireNonNull(store.metadata());
      if (meta.finalizers().contains(options.finalizer())) {
        removeFinalizers.add(new Action.RemoveFinalizer(key, meta.resourceVersion()));
      }
    }

    private void planLive(
        BackupStore store,
        StoreKey key,
        Owned ownedByKey,
        @Nullable Prepared found,
        TranslationResult result,
        DefaultSelection selection,
        Map<StoreKey, NotDefault> notDefault) {
      ObjectMetadata meta = Objects.requireNonNull(store.metadata());
      if (!meta.finalizers().contains(options.finalizer())) {
        addFinalizers.add(new Action.AddFinalizer(key, meta.resourceVersion()));
      }
      List<ObservedBsl> owned = ownedByKey.bsls;
      List<FieldError> errors = List.of();
      Optional<StatusRules.Blocker> blocker = Optional.empty();
      Optional<String> reportedName;
      Optional<ObservedBsl> reported;

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
            // The source no longer holds the credentials: no copy of them may outlive it. The BSL
            // stays (Velero then finds its Secret missing and reports it Unavailable).
            for (MirroredSecret secret : ownedByKey.secrets) {
              deleteSecrets.add(
                  new Action.DeleteSecret(
                      secret.name(), Optional.of(key), version(secret.metadata())));
            }
          }
        } else {
          reported = Optional.ofNullable(p.existing());
          if (observed.bslTypeExists()) {
            planApply(key, p, ownedByKey);
          }
        }
      }
      DefaultVerdict verdict = verdict(store, key, selection, notDefault, blocker);
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
      Named<ObservedBsl> named = bslByName.get(bsl.name());
      ObservedBsl existing = named == null ? null : named.value();
      Optional<StatusRules.Blocker> blocker =
          nameConflict(
              "BackupStorageLocation",
              bsl.name(),
              existing == null ? null : existing.metadata(),
              named == null ? Optional.empty() : named.owner(),
              key);
      if (blocker.isPresent()) {
        return new Prepared(bsl, existing, Optional.empty(), null, blocker, true, false);
      }
      MirroredSecret have = null;
      if (translated.mirror().isPresent()) {
        CredentialMirror mirror = translated.mirror().get();
        Named<SecretAt> at = secretByName.get(mirror.targetName());
        blocker =
            nameConflict(
                "Secret",
                mirror.targetName(),
                at == null ? null : at.value().metadata(),
                at == null ? Optional.empty() : at.owner(),
                key);
        if (blocker.isPresent()) {
          return new Prepared(bsl, existing, Optional.empty(), null, blocker, true, false);
        }
        have = at == null ? null : at.value().mirrored();
      }
      SecretRef from = sourceOf(translated);
      SourceSecret source = from == null ? null : observed.sources().get(from);
      CredentialsRule.Verdict verdict =
          CredentialsRule.judge(
              translated,
              source,
              existing == null ? Optional.empty() : existing.spec().objectStorage().caCertRef());
      if (verdict instanceof CredentialsRule.Blocked blocked) {
        return new Prepared(
            bsl,
            existing,
            Optional.empty(),
            have,
            Optional.of(blocked.blocker()),
            false,
            blocked.revoked());
      }
      CredentialsRule.Apply apply = (CredentialsRule.Apply) verdict;
      Optional<MirroredSecret> secret =
          apply.copy().map(data -> mirrored(translated.mirror().orElseThrow(), key, data));
      return new Prepared(
          apply.translated().bsl().withDefault(false),
          existing,
          secret,
          have,
          Optional.empty(),
          false,
          false);
    }

    /** The Secret a translated store's credentials come from, or null when it names none. */
    private @Nullable SecretRef sourceOf(TranslationResult.Translated translated) {
      if (translated.mirror().isPresent()) {
        CredentialMirror m = translated.mirror().get();
        return new SecretRef(m.sourceNamespace(), m.sourceName());
      }
      return translated
          .bsl()
          .spec()
          .credential()
          .map(c -> new SecretRef(topts.veleroNamespace(), c.name()))
          .orElse(null);
    }

    /** A store refused because an older store derives the same BSL name. */
    private Prepared collision(TranslationResult.Translated translated, StoreKey holder) {
      BackupStorageLocation bsl = translated.bsl().withDefault(false);
      return new Prepared(
          bsl,
          Optional.ofNullable(bslByName.get(bsl.name())).map(Named::value).orElse(null),
          Optional.empty(),
          null,
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

    private void planApply(StoreKey key, Prepared p, Owned owned) {
      Optional<MirroredSecret> desiredSecret = p.secret();
      if (desiredSecret.isPresent()) {
        MirroredSecret want = desiredSecret.get();
        MirroredSecret have = p.existingSecret();
        if (have == null) {
          applySecrets.add(new Action.ApplySecret(key, want, Optional.empty()));
        } else if (!have.data().equals(want.data()) || !owns(have.metadata(), want.metadata())) {
          applySecrets.add(
              new Action.ApplySecret(key, want, Optional.of(version(have.metadata()))));
        }
      }
      for (MirroredSecret secret : owned.secrets) {
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
      for (ObservedBsl stale : owned.bsls) {
        if (!stale.name().equals(desired.name())) {
          deleteBsls.add(new Action.DeleteBsl(stale.name(), Optional.of(key), version(stale)));
        }
      }
    }

    /** Deletes what the stores' metadata proves belongs to a store that does not exist. */
    private void collectOrphans() {
      byOwner.forEach(this::deleteAll);
    }

    /** Deletes the BSLs (when the BSL type exists) and the Secrets that a store owns. */
    private void deleteAll(StoreKey owner, Owned owned) {
      if (observed.bslTypeExists()) {
        for (ObservedBsl bsl : owned.bsls) {
          deleteBsls.add(new Action.DeleteBsl(bsl.name(), Optional.of(owner), version(bsl)));
        }
      }
      for (MirroredSecret secret : owned.secrets) {
        deleteSecrets.add(
            new Action.DeleteSecret(secret.name(), Optional.of(owner), version(secret.metadata())));
      }
    }

    /**
     * Why a store may not write the object of a name: it exists and its labels do not prove it is
     * this store's.
     */
    private Optional<StatusRules.Blocker> nameConflict(
        String kind,
        String name,
        @Nullable ObjectMetadata existing,
        Optional<StoreKey> owner,
        StoreKey key) {
      if (existing == null || owner.filter(key::equals).isPresent()) {
        return Optional.empty();
      }
      String where = kind + " " + topts.veleroNamespace() + "/" + name;
      String why;
      if (owner.isPresent()) {
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
        Map<StoreKey, NotDefault> notDefault,
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
      // selection.whyNot(key), from a hash map of the same entries.
      Optional<NotDefault> why = Optional.ofNullable(notDefault.get(key));
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

    /**
     * By kind and name, so that plans are deterministic; stable, and each action's sort key is
     * computed once.
     */
    private static List<Action> sorted(List<Action> actions) {
      List<Keyed> keyed = new ArrayList<>(actions.size());
      for (Action action : actions) {
        keyed.add(new Keyed(sortKey(action), action));
      }
      keyed.sort(Comparator.comparing(Keyed::key));
      List<Action> copy = new ArrayList<>(keyed.size());
      for (Keyed k : keyed) {
        copy.add(k.action());
      }
      return copy;
    }

    /** An action and its sort key. */
    private record Keyed(String key, Action action) {}

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

  /** An observed object found by name, with the store its metadata proves it belongs to. */
  private record Named<T>(T value, @Nullable StoreKey proven) {
    Optional<StoreKey> owner() {
      return Optional.ofNullable(proven);
    }
  }

  /**
   * A Secret in Velero's namespace: its metadata, and the Secret itself when it is one we list as
   * mirrored (null for an occupant someone else made).
   */
  private record SecretAt(ObjectMetadata metadata, @Nullable MirroredSecret mirrored) {}

  /** The BSLs and mirrored Secrets whose metadata proves they belong to one store. */
  private static final class Owned {
    static final Owned NONE = new Owned(List.of(), List.of());

    final List<ObservedBsl> bsls;
    final List<MirroredSecret> secrets;

    Owned() {
      this(new ArrayList<>(1), new ArrayList<>(1));
    }

    private Owned(List<ObservedBsl> bsls, List<MirroredSecret> secrets) {
      this.bsls = bsls;
      this.secrets = secrets;
    }
  }

  /** A hash map's initial capacity for {@code n} entries at the default load factor. */
  private static int capacity(int n) {
    return (int) Math.min(1 << 30, n * 4L / 3 + 1);
  }

  /**
   * The stores that have metadata, in key order, with their keys, each computed once. The order is
   * stable: stores with equal keys keep their input order. Input already in key order (as a list
   * from the API server or the in-memory cluster usually is) is checked in one pass and kept; other
   * input is sorted by namespace rank (the few distinct namespaces are sorted once), then by name,
   * so that most comparisons are of two ints.
   */
  private static final class ByKey {
    private final List<BackupStore> stores;
    private final StoreKey[] keys;

    private ByKey(List<BackupStore> stores, StoreKey[] keys) {
      this.stores = stores;
      this.keys = keys;
    }

    static ByKey of(List<BackupStore> input) {
      List<BackupStore> kept = new ArrayList<>(input.size());
      for (BackupStore store : input) {
        if (store.metadata() != null) {
          kept.add(store);
        }
      }
      int n = kept.size();
      StoreKey[] keys = new StoreKey[n];
      boolean ordered = true;
      for (int i = 0; i < n; i++) {
        keys[i] = StoreKey.of(kept.get(i));
        ordered = ordered && (i == 0 || keys[i - 1].compareTo(keys[i]) <= 0);
      }
      if (ordered) {
        return new ByKey(kept, keys);
      }
      Map<String, Integer> ids = new HashMap<>();
      List<String> namespaces = new ArrayList<>();
      for (StoreKey key : keys) {
        if (ids.putIfAbsent(key.namespace(), namespaces.size()) == null) {
          namespaces.add(key.namespace());
        }
      }
      String[] byName = namespaces.toArray(new String[0]);
      Arrays.sort(byName);
      int[] rankOfId = new int[byName.length];
      for (int r = 0; r < byName.length; r++) {
        rankOfId[Objects.requireNonNull(ids.get(byName[r]))] = r;
      }
      Slot[] slots = new Slot[n];
      for (int i = 0; i < n; i++) {
        slots[i] =
            new Slot(
                rankOfId[Objects.requireNonNull(ids.get(keys[i].namespace()))], keys[i].name(), i);
      }
      Arrays.sort(slots, Slot.ORDER); // stable
      List<BackupStore> sortedStores = new ArrayList<>(n);
      StoreKey[] sortedKeys = new StoreKey[n];
      for (int p = 0; p < n; p++) {
        sortedStores.add(kept.get(slots[p].index()));
        sortedKeys[p] = keys[slots[p].index()];
      }
      return new ByKey(sortedStores, sortedKeys);
    }

    List<BackupStore> stores() {
      return stores;
    }

    StoreKey[] keys() {
      return keys;
    }

    /** The first store of the given key, as a scan of {@link #stores()} would find it. */
    Optional<BackupStore> first(StoreKey key) {
      int at = firstIndex(key);
      return at < 0 ? Optional.empty() : Optional.of(stores.get(at));
    }

    /** The position of the first store of the given key, or -1 if there is none. */
    int firstIndex(StoreKey key) {
      int at = Arrays.binarySearch(keys, key);
      if (at < 0) {
        return -1;
      }
      while (at > 0 && keys[at - 1].equals(key)) {
        at--;
      }
      return at;
    }

    /** A store's place in the sort: its namespace's rank, its name, its input index. */
    private record Slot(int rank, String name, int index) {
      static final Comparator<Slot> ORDER =
          (a, b) -> a.rank != b.rank ? Integer.compare(a.rank, b.rank) : a.name.compareTo(b.name);
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
   * Secret to mirror, the mirrored Secret of that name if one exists, what blocks applying them,
   * whether the block is a name conflict, and whether the store's credentials were revoked (its
   * copies must go).
   */
  private record Prepared(
      BackupStorageLocation bsl,
      @Nullable ObservedBsl existing,
      Optional<MirroredSecret> secret,
      @Nullable MirroredSecret existingSecret,
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
