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
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.translate.CredentialMirror;
import dev.lattice.backup.translate.TranslationResult;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.internal.trust.TrustBundle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the reconciler must read, beyond the lists, before {@link Planner} can plan: the Secrets the
 * stores' credentials come from, and the names their copies would take in Velero's namespace.
 */
public final class Reads {
  private Reads() {}

  /**
   * The credentials Secrets the reconciler must read before planning: the Secret each store's
   * credentials come from, whether it is copied into Velero's namespace (a store elsewhere that
   * names a Secret) or read there by Velero directly (a CloudProvider's Secret, or a store of
   * Velero's namespace): its data says whether the store's location trusts a CA bundle ({@link
   * TrustBundle}).
   *
   * @param stores every store
   * @param options the options
   * @return the Secrets to read, sorted
   */
  public static Set<SecretRef> sourcesToRead(List<BackupStore> stores, ReconcileOptions options) {
    TreeSet<SecretRef> out = new TreeSet<>();
    String velero = options.translation().veleroNamespace();
    for (BackupStore store : stores) {
      ObjectMetadata meta = store.metadata();
      if (meta == null || meta.isBeingDeleted() || !namesCredentials(store)) {
        continue;
      }
      if (Translator.translate(store, options.translation())
          instanceof TranslationResult.Translated t) {
        if (t.mirror().isPresent()) {
          CredentialMirror m = t.mirror().get();
          out.add(new SecretRef(m.sourceNamespace(), m.sourceName()));
        } else {
          t.bsl().spec().credential().ifPresent(c -> out.add(new SecretRef(velero, c.name())));
        }
      }
    }
    return out;
  }

  /** Whether a store names its credentials, by a Secret or by a CloudProvider. */
  private static boolean namesCredentials(BackupStore store) {
    var spec = store.spec();
    var storage = spec == null ? null : spec.storage();
    return storage != null
        && (storage.credentialsSecretRef().isPresent() || storage.cloudProviderRef().isPresent());
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
    // Sorted once and de-duplicated in one pass (a tree set would compare on every insertion);
    // the set keeps that order.
    List<String> names = new ArrayList<>();
    for (CredentialMirror m : mirrors(stores, options)) {
      names.add(m.targetName());
    }
    Collections.sort(names);
    Set<String> out = new LinkedHashSet<>(capacity(names.size()));
    out.addAll(names);
    return out;
  }

  private static List<CredentialMirror> mirrors(
      List<BackupStore> stores, ReconcileOptions options) {
    List<CredentialMirror> out = new ArrayList<>();
    String velero = options.translation().veleroNamespace();
    for (BackupStore store : stores) {
      ObjectMetadata meta = store.metadata();
      if (meta == null || meta.isBeingDeleted() || !mayMirror(store, meta, velero)) {
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
   * Whether the store could mirror a Secret: only a store that names a credentials Secret and lives
   * outside Velero's namespace does (see {@link Translator#translate}), so the others need not be
   * translated to know they do not.
   */
  private static boolean mayMirror(BackupStore store, ObjectMetadata meta, String velero) {
    var spec = store.spec();
    var storage = spec == null ? null : spec.storage();
    return storage != null
        && storage.credentialsSecretRef().isPresent()
        && !meta.namespace().filter(velero::equals).isPresent();
  }

  /** A hash set's initial capacity for {@code n} entries at the default load factor. */
  private static int capacity(int n) {
    return (int) Math.min(1 << 30, n * 4L / 3 + 1);
  }
}
