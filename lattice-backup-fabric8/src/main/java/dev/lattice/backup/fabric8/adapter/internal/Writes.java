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
package dev.lattice.backup.fabric8.adapter.internal;

import dev.lattice.backup.translate.StoreKey;
import java.util.Optional;

/**
 * Told of every write an adapter made, with the resourceVersion the server answered; the informer
 * cache uses it to know when it has seen the controller's own writes (the runtime's {@code
 * Expectations}).
 */
@FunctionalInterface
public interface Writes {
  /** Tells nobody. */
  Writes NONE = (kind, name, resourceVersion, owner) -> {};

  /** The kinds of object the adapters write. */
  enum Kind {
    /** A BackupStore (its finalizers or status). */
    STORE,
    /** A BSL in Velero's namespace. */
    BSL,
    /** A mirrored Secret in Velero's namespace. */
    SECRET
  }

  /**
   * One write that succeeded.
   *
   * @param kind the object's kind
   * @param name the object's name ({@code namespace/name} for a store)
   * @param resourceVersion the version the server answered, or empty when the object is gone
   * @param owner the store whose object it is, when known
   */
  void wrote(Kind kind, String name, Optional<String> resourceVersion, Optional<StoreKey> owner);
}
