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
package dev.lattice.backup.junit.memory;

import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BslLabels;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the in-memory cluster reproduces of the API server: the preconditions of writes on
 * resourceVersion, the failures for a missing object and a missing resource type, and how an apply
 * merges labels and annotations; and what it checks for the score: whether a write stays within one
 * store's objects.
 */
final class ApiServerRules {

  private ApiServerRules() {}

  /**
   * The API server's preconditions: without a resourceVersion the object must not exist (a create);
   * with one it must exist at exactly that version.
   */
  static void expect(
      String what, @Nullable ObjectMetadata current, Optional<String> resourceVersion)
      throws PortException {
    if (resourceVersion.isEmpty()) {
      if (current != null) {
        throw new PortException(new PortFailure.Conflict(what + " already exists"));
      }
      return;
    }
    if (current == null) {
      throw notFound(what);
    }
    if (!resourceVersion.equals(current.resourceVersion())) {
      throw stale(what, resourceVersion.get());
    }
  }

  /** A write at a resourceVersion that is no longer the object's. */
  static PortException stale(String what, String resourceVersion) {
    return new PortException(
        new PortFailure.Conflict(
            what
                + ": the object has been modified; resourceVersion "
                + resourceVersion
                + " is stale"));
  }

  /** An object that does not exist. */
  static PortException notFound(String what) {
    return new PortException(new PortFailure.NotFound(what + " not found"));
  }

  /** The BSL resource type, when Velero is not installed. */
  static PortException missingType() {
    return new PortException(
        new PortFailure.ResourceTypeMissing(
            "the server could not find the requested resource backupstoragelocations.velero.io"));
  }

  /**
   * Whether a write of {@code desired} onto {@code old} stays within one store's objects: {@code
   * old}'s labels prove it belongs to the store {@code desired} names.
   */
  static boolean sameOwner(ObjectMetadata old, ObjectMetadata desired) {
    Optional<StoreKey> owner = BslLabels.provenOwner(old);
    return owner.isPresent() && owner.equals(BslLabels.provenOwner(desired));
  }

  /** {@code old} with {@code desired}'s labels and annotations added, as an apply does. */
  static ObjectMetadata merge(ObjectMetadata old, ObjectMetadata desired) {
    TreeMap<String, String> labels = new TreeMap<>(old.labels());
    labels.putAll(desired.labels());
    TreeMap<String, String> annotations = new TreeMap<>(old.annotations());
    annotations.putAll(desired.annotations());
    return old.toBuilder().labels(labels).annotations(annotations).build();
  }
}
