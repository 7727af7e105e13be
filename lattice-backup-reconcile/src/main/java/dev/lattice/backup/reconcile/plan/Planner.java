package dev.lattice.backup.reconcile.plan;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ConditionStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.validation.FieldError;
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
import dev.lattice.backup.translate.defaults.DefaultSelector;
import dev.lattice.backup.translate.defaults.ForeignBsl;
import dev.lattice.backup.translate.defaults.NotDefault;
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
 * Plans a reconcile: a pure function from an {@link ObservedState} to a {@link Plan}.
 *
 * <ul>
 *   <li>Converged state: an empty plan. Only differences in the fields this library owns cause a
 *       write; server-set metadata and Velero's status are ignored.
 *   <li>A store being deleted: its BSL and mirrored Secret are deleted, then our finalizer removed.
 *       A BSL of ours whose store no longer exists is deleted (orphan collection). A BSL without
 *       our managed-by label is never written, except that its {@code default} is unset under the
 *       take-over policy.
 *   <li>An invalid store keeps its last good BSL (deleting it would silently detach its backups);
 *       it reports {@code Failed} and, if that BSL was the default, loses the default.
 *   <li>The default moves by unsetting the old default before setting the new one.
 * </ul>
 */
public final class Planner {

  private Planner() {}

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
      if (store.metadata() == null || store.metadata().isBeingDeleted()) {
        continue;
      }
      if (Translator.translate(store, options.translation())
          instanceof TranslationResult.Translated t) {
        t.mirror().ifPresent(m -> out.add(new SecretRef(m.sourceNamespace(), m.sourceName())));
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

  /** The mutable working state of one planning run; never escapes {@link #plan}. */
  private static final class Run {
    private final ObservedState observed;
    private final ReconcileOptions options;
    private final TranslationOptions topts;
    private final Instant now;

    private final Map<String, ObservedBsl> bslByName = new TreeMap<>();
    private final Map<String, MirroredSecret> secretByName = new TreeMap<>();
    private final Map<StoreKey, List<ObservedBsl>> bslsByOwner = new HashMap<>();
    private final Map<StoreKey, List<MirroredSecret>> secretsByOwner = new HashMap<>();
    private final List<ObservedBsl> ownerless = new ArrayList<>();
    private final List<MirroredSecret> ownerlessSecrets = new ArrayList<>();

    private final List<Action> front = new ArrayList<>();
    private final List<Action> addFinalizers = new ArrayList<>();
    private final List<Action> applySecrets = new ArrayList<>();
    private final List<Action> applyBsls = new ArrayList<>();
    private final List<Action> deleteBsls = new ArrayList<>();
    private final List<Action> deleteSecrets = new ArrayList<>();
    private final List<Action> patchStatuses = new ArrayList<>();
    private final List<Action> removeFinalizers = new ArrayList<>();
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
      for (ObservedBsl bsl : observed.bsls()) {
        bslByName.put(bsl.name(), bsl);
        if (bsl.isManaged()) {
          Optional<StoreKey> owner = owner(bsl.metadata());
          if (owner.isPresent()) {
            bslsByOwner.computeIfAbsent(owner.get(), k -> new ArrayList<>()).add(bsl);
          } else {
            ownerless.add(bsl);
          }
        }
      }
      for (MirroredSecret secret : observed.mirrored()) {
        if (!BslLabels.isManaged(secret.metadata())) {
          continue;
        }
        secretByName.put(secret.name(), secret);
        Optional<StoreKey> owner = owner(secret.metadata());
        if (owner.isPresent()) {
          secretsByOwner.computeIfAbsent(owner.get(), k -> new ArrayList<>()).add(secret);
        } else {
          ownerlessSecrets.add(secret);
        }
      }
      List<ForeignBsl> foreign =
          observed.bsls().stream()
              .filter(b -> !b.isManaged())
              .map(b -> new ForeignBsl(b.name(), b.isDefault()))
              .toList();
      List<BackupStore> stores =
          observed.stores().stream()
              .filter(s -> s.metadata() != null)
              .sorted(Comparator.comparing(StoreKey::of))
              .toList();
      TranslationPlan translation = Translator.translateAll(stores, foreign, topts);
      Set<StoreKey> cannotWin = new TreeSet<>(translation.rejections().keySet());
      for (BackupStore store : stores) {
        StoreKey key = StoreKey.of(store);
        if (translation.results().get(key) instanceof TranslationResult.Translated t
            && !Objects.requireNonNull(store.metadata()).isBeingDeleted()) {
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

      if (observed.bslTypeExists()) {
        for (String name : selection.foreignDefaultsToUnset()) {
          front.add(new Action.UnsetDefault(name, Optional.empty()));
        }
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
      return assemble();
    }

    private void planDeletion(BackupStore store, StoreKey key) {
      if (observed.bslTypeExists()) {
        for (ObservedBsl bsl : bslsByOwner.getOrDefault(key, List.of())) {
          delete(bsl, Optional.of(key));
        }
      }
      for (MirroredSecret secret : secretsByOwner.getOrDefault(key, List.of())) {
        deleteSecrets.add(new Action.DeleteSecret(secret.name(), Optional.of(key)));
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

      if (result instanceof TranslationResult.Rejected rejected) {
        errors = rejected.errors();
        keep(owned, key);
        reported = owned.stream().findFirst();
        reportedName = reported.map(ObservedBsl::name);
      } else {
        Prepared p = Objects.requireNonNull(prepared.get(key), "prepared " + key);
        BackupStorageLocation desired = p.bsl().withDefault(selection.isDefault(key));
        reportedName = Optional.of(desired.name());
        blocker = p.blocker();
        if (blocker.isPresent()) {
          keep(owned, key);
          reported = p.conflict() ? Optional.empty() : Optional.ofNullable(p.existing());
        } else {
          reported = Optional.ofNullable(p.existing());
          if (observed.bslTypeExists()) {
            planApply(key, desired, p.existing(), p.secret(), owned);
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
      Optional<StatusRules.Blocker> blocker = nameConflict(existing, key);
      if (blocker.isPresent()) {
        return new Prepared(bsl, existing, Optional.empty(), blocker, true);
      }
      Optional<MirroredSecret> secret = Optional.empty();
      if (translated.mirror().isPresent()) {
        CredentialMirror mirror = translated.mirror().get();
        SourceSecret source =
            observed.sources().get(new SecretRef(mirror.sourceNamespace(), mirror.sourceName()));
        Optional<SecretData> data = credentials(mirror, source);
        if (data.isPresent()) {
          secret = Optional.of(mirrored(mirror, key, data.get()));
        } else {
          blocker = Optional.of(credentialsBlocker(mirror, source));
        }
      }
      return new Prepared(bsl, existing, secret, blocker, false);
    }

    private void planApply(
        StoreKey key,
        BackupStorageLocation desired,
        @Nullable ObservedBsl existing,
        Optional<MirroredSecret> desiredSecret,
        List<ObservedBsl> owned) {
      if (desiredSecret.isPresent()) {
        MirroredSecret want = desiredSecret.get();
        MirroredSecret have = secretByName.get(want.name());
        if (have == null
            || !have.data().equals(want.data())
            || !owns(have.metadata(), want.metadata())) {
          applySecrets.add(new Action.ApplySecret(key, want));
        }
      }
      for (MirroredSecret secret : secretsByOwner.getOrDefault(key, List.of())) {
        if (desiredSecret.filter(s -> s.name().equals(secret.name())).isEmpty()) {
          deleteSecrets.add(new Action.DeleteSecret(secret.name(), Optional.of(key)));
        }
      }
      if (existing == null
          || !existing.spec().equals(desired.spec())
          || !owns(existing.metadata(), desired.metadata())) {
        Action apply = new Action.ApplyBsl(key, desired);
        if (existing != null && existing.isDefault() && !desired.spec().isDefault()) {
          front.add(apply);
        } else {
          applyBsls.add(apply);
        }
      }
      for (ObservedBsl stale : owned) {
        if (!stale.name().equals(desired.name())) {
          delete(stale, Optional.of(key));
        }
      }
    }

    /** Keeps a blocked or invalid store's BSLs, but takes the default away from them. */
    private void keep(List<ObservedBsl> owned, StoreKey key) {
      if (!observed.bslTypeExists()) {
        return;
      }
      for (ObservedBsl bsl : owned) {
        if (bsl.isDefault()) {
          front.add(new Action.UnsetDefault(bsl.name(), Optional.of(key)));
        }
      }
    }

    private void delete(ObservedBsl bsl, Optional<StoreKey> owner) {
      Action action = new Action.DeleteBsl(bsl.name(), owner);
      if (bsl.isDefault()) {
        front.add(action);
      } else {
        deleteBsls.add(action);
      }
    }

    private void collectOrphans(Set<StoreKey> present) {
      if (observed.bslTypeExists()) {
        bslsByOwner.forEach(
            (owner, bsls) -> {
              if (!present.contains(owner)) {
                bsls.forEach(b -> delete(b, Optional.of(owner)));
              }
            });
        ownerless.forEach(b -> delete(b, Optional.empty()));
      }
      secretsByOwner.forEach(
          (owner, secrets) -> {
            if (!present.contains(owner)) {
              secrets.forEach(
                  s -> deleteSecrets.add(new Action.DeleteSecret(s.name(), Optional.of(owner))));
            }
          });
      ownerlessSecrets.forEach(
          s -> deleteSecrets.add(new Action.DeleteSecret(s.name(), Optional.empty())));
    }

    private Optional<StatusRules.Blocker> nameConflict(
        @Nullable ObservedBsl existing, StoreKey key) {
      if (existing == null) {
        return Optional.empty();
      }
      String where = "BackupStorageLocation " + topts.veleroNamespace() + "/" + existing.name();
      if (!existing.isManaged()) {
        return Optional.of(
            new StatusRules.Blocker(
                Conditions.REASON_NAME_CONFLICT,
                where + " exists and is not managed by lattice-backup; it is left alone"));
      }
      Optional<StoreKey> owner = owner(existing.metadata());
      if (owner.isPresent() && !owner.get().equals(key)) {
        return Optional.of(
            new StatusRules.Blocker(
                Conditions.REASON_NAME_CONFLICT, where + " belongs to BackupStore " + owner.get()));
      }
      return Optional.empty();
    }

    private Optional<SecretData> credentials(
        CredentialMirror mirror, @Nullable SourceSecret source) {
      if (source instanceof SourceSecret.Present present
          && present.data().keys().contains(mirror.key())) {
        return Optional.of(present.data().only(mirror.key()));
      }
      return Optional.empty();
    }

    private StatusRules.Blocker credentialsBlocker(
        CredentialMirror mirror, @Nullable SourceSecret source) {
      String secret = "Secret " + mirror.sourceNamespace() + "/" + mirror.sourceName();
      String message;
      if (source instanceof SourceSecret.Present) {
        message = secret + " has no key \"" + mirror.key() + "\"";
      } else if (source instanceof SourceSecret.Unreadable unreadable) {
        message = "cannot read " + secret + ": " + unreadable.failure().message();
      } else if (source instanceof SourceSecret.Absent) {
        message = secret + " does not exist";
      } else {
        message = secret + " was not read";
      }
      return new StatusRules.Blocker(Conditions.REASON_CREDENTIALS_UNAVAILABLE, message);
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
      List<Integer> frontIndexes = new ArrayList<>();
      Map<StoreKey, List<Integer>> bySubject = new HashMap<>();
      List<List<Action>> groups =
          List.of(
              sorted(front),
              addFinalizers,
              applySecrets,
              applyBsls,
              sorted(deleteBsls),
              sorted(deleteSecrets),
              patchStatuses,
              removeFinalizers);
      for (int g = 0; g < groups.size(); g++) {
        for (Action action : groups.get(g)) {
          TreeSet<Integer> deps = new TreeSet<>();
          action.subject().ifPresent(s -> deps.addAll(bySubject.getOrDefault(s, List.of())));
          boolean setsDefault =
              action instanceof Action.ApplyBsl apply && apply.bsl().spec().isDefault();
          if (setsDefault) {
            deps.addAll(frontIndexes);
          }
          int index = steps.size();
          steps.add(new Step(action, new ArrayList<>(deps), g == 0 || setsDefault));
          if (g == 0) {
            frontIndexes.add(index);
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

    /** Default moves first, then by kind and name, so that plans are deterministic. */
    private static List<Action> sorted(List<Action> actions) {
      List<Action> copy = new ArrayList<>(actions);
      copy.sort(Comparator.comparing(Run::sortKey));
      return copy;
    }

    private static String sortKey(Action action) {
      if (action instanceof Action.UnsetDefault u) {
        return "0 " + u.bslName();
      } else if (action instanceof Action.ApplyBsl a) {
        return "1 " + a.bsl().name();
      } else if (action instanceof Action.DeleteBsl d) {
        return "2 " + d.bslName();
      } else if (action instanceof Action.DeleteSecret d) {
        return "3 " + d.secretName();
      }
      return "4 " + action;
    }
  }

  /** Reads the owner annotation of one of our objects. */
  static Optional<StoreKey> owner(ObjectMetadata meta) {
    return BslLabels.owner(meta)
        .flatMap(
            value -> {
              int slash = value.indexOf('/');
              if (slash <= 0 || slash == value.length() - 1) {
                return Optional.empty();
              }
              return Optional.of(
                  new StoreKey(value.substring(0, slash), value.substring(slash + 1)));
            });
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
      boolean conflict) {}

  /** A default verdict for the status rules. */
  private record DefaultVerdict(ConditionStatus status, String reason, String message) {
    StatusRules.DefaultVerdict toRules() {
      return new StatusRules.DefaultVerdict(status, reason, message);
    }
  }
}
