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
package dev.lattice.backup.reconcile.plan;

import dev.lattice.backup.translate.StoreKey;
import java.util.Objects;
import java.util.Optional;

/**
 * The null checks the {@link Action} records share, in the order the records check their
 * components, so that each record's compact constructor names its components once.
 */
final class ActionChecks {
  private ActionChecks() {}

  /**
   * Checks the components of an action on a store: the store, then the version observed.
   *
   * @param store the store
   * @param resourceVersion the version observed
   */
  static void onStore(StoreKey store, Optional<String> resourceVersion) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(resourceVersion, "resourceVersion");
  }

  /**
   * Checks the components of an action writing an object for a store: the store, the object, then
   * the version observed.
   *
   * @param store the store
   * @param object the object written
   * @param objectName the object's component name, for the message
   * @param resourceVersion the version observed
   */
  static void writing(
      StoreKey store, Object object, String objectName, Optional<String> resourceVersion) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(object, objectName);
    Objects.requireNonNull(resourceVersion, "resourceVersion");
  }

  /**
   * Checks the components of an action on a named object that may belong to a store: the name, the
   * owner, then the version observed.
   *
   * @param name the object's name
   * @param nameComponent the name's component name, for the message
   * @param owner the owning store
   * @param resourceVersion the version observed
   */
  static void onNamed(
      String name, String nameComponent, Optional<StoreKey> owner, String resourceVersion) {
    Objects.requireNonNull(name, nameComponent);
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(resourceVersion, "resourceVersion");
  }
}
