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

import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BslLabels;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code NameConflict} blockers: a store may not write an object whose name is held by anything
 * its labels do not prove is this store's, nor a BSL whose name an older store derives too.
 */
final class NameConflicts {
  private final String veleroNamespace;

  NameConflicts(String veleroNamespace) {
    this.veleroNamespace = veleroNamespace;
  }

  /**
   * Why a store may not write the object of a name: it exists and its labels do not prove it is
   * this store's.
   *
   * @param kind the object's kind, for the message
   * @param name its name in Velero's namespace
   * @param existing its metadata, or null when there is none
   * @param owner the store its metadata proves it belongs to
   * @param key the store that wants to write it
   */
  Optional<StatusRules.Blocker> held(
      String kind,
      String name,
      @Nullable ObjectMetadata existing,
      Optional<StoreKey> owner,
      StoreKey key) {
    if (existing == null || owner.filter(key::equals).isPresent()) {
      return Optional.empty();
    }
    String where = kind + " " + veleroNamespace + "/" + name;
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

  /** Why a store may not have the BSL of a name: an older store derives the same name. */
  static StatusRules.Blocker derivedByOlder(String bslName, StoreKey holder) {
    return new StatusRules.Blocker(
        Conditions.REASON_NAME_CONFLICT,
        "BackupStorageLocation name "
            + bslName
            + " is also derived from BackupStore "
            + holder
            + ", which is older and keeps it; rename this store");
  }
}
