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
import dev.lattice.backup.model.ObjectMetadata;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The planner's second step: each live, translated store's desired BSL and mirrored Secret, found
 * next to the observed objects of their names, and what blocks applying them (a name held by
 * another, an older store deriving the same BSL name, or the {@link CredentialsRule}).
 */
final class DesiredObjects {
  private final ObservedState observed;
  private final ObservedIndex index;
  private final TranslationOptions topts;
  private final NameConflicts conflicts;

  DesiredObjects(ObservedState observed, ObservedIndex index, TranslationOptions topts) {
    this.observed = observed;
    this.index = index;
    this.topts = topts;
    this.conflicts = new NameConflicts(topts.veleroNamespace());
  }

  /**
   * Each store's prepared objects, by its position in key order; null where there are none (a store
   * being deleted or rejected). Adds to {@code cannotWin} every store that is rejected or blocked,
   * which cannot be the default.
   *
   * @param byKey the stores in key order
   * @param results their translation results, in the same order
   * @param translation the translation of all stores, for its name conflicts
   * @param cannotWin the stores that cannot be the default, added to
   */
  @Nullable Prepared[] prepareAll(
      StoresByKey byKey,
      @Nullable TranslationResult[] results,
      TranslationPlan translation,
      Set<StoreKey> cannotWin) {
    List<BackupStore> stores = byKey.stores();
    StoreKey[] keys = byKey.keys();
    Prepared[] prepared = new Prepared[keys.length];
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
    return prepared;
  }

  /** A translated store's desired objects and what blocks applying them. */
  private Prepared prepare(StoreKey key, TranslationResult.Translated translated) {
    BackupStorageLocation bsl = translated.bsl().withDefault(false);
    ObservedIndex.Named<ObservedBsl> named = index.bsl(bsl.name());
    ObservedBsl existing = named == null ? null : named.value();
    Optional<StatusRules.Blocker> blocker =
        conflicts.held(
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
      ObservedIndex.Named<ObservedIndex.SecretAt> at = index.secret(mirror.targetName());
      blocker =
          conflicts.held(
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
        Optional.ofNullable(index.bsl(bsl.name())).map(ObservedIndex.Named::value).orElse(null),
        Optional.empty(),
        null,
        Optional.of(NameConflicts.derivedByOlder(bsl.name(), holder)),
        true,
        false);
  }

  /** The copy of a store's credentials in Velero's namespace, labelled as the store's. */
  private static MirroredSecret mirrored(CredentialMirror mirror, StoreKey key, SecretData data) {
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
}
