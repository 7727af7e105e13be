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
package dev.lattice.backup.translate;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import java.util.List;
import java.util.Objects;

/** Which BackupStore (and BSL) a backup's {@code storeRef} — or its absence — leads to. */
public sealed interface Resolution {

  /**
   * A ready store.
   *
   * @param store the store
   * @param bslName the Velero BackupStorageLocation to put in the backup's {@code storageLocation}
   */
  record Resolved(BackupStore store, String bslName) implements Resolution {
    /**
     * Checks nothing is null.
     *
     * @param store the store
     * @param bslName the BSL name
     */
    public Resolved {
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(bslName, "bslName");
    }
  }

  /**
   * No store of that name where the requester may look.
   *
   * @param ref the storeRef
   * @param searchedNamespaces where it was looked for, in order
   */
  record NotFound(String ref, List<String> searchedNamespaces) implements Resolution {
    /**
     * Copies the namespaces.
     *
     * @param ref the storeRef
     * @param searchedNamespaces where it was looked for
     */
    public NotFound {
      Objects.requireNonNull(ref, "ref");
      searchedNamespaces = List.copyOf(searchedNamespaces);
    }
  }

  /**
   * No storeRef, and no default store.
   *
   * @param reasons why there is no default, one line each
   */
  record NoDefault(List<String> reasons) implements Resolution {
    /**
     * Copies the reasons.
     *
     * @param reasons why there is no default
     */
    public NoDefault {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * The store exists but is not Ready.
   *
   * @param store the store
   * @param phase its phase ({@code Pending} when it has no status yet)
   * @param message its status message, empty when it has none
   */
  record NotReady(BackupStore store, BackupStorePhase phase, String message) implements Resolution {
    /**
     * Checks nothing is null.
     *
     * @param store the store
     * @param phase its phase
     * @param message its status message
     */
    public NotReady {
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(message, "message");
    }
  }
}
