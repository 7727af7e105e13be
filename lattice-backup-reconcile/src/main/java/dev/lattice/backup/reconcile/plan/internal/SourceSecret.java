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

import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.SecretData;
import java.util.Objects;

/** What reading a store's credentials Secret found. */
public sealed interface SourceSecret {

  /**
   * The Secret exists.
   *
   * @param data its data
   */
  record Present(SecretData data) implements SourceSecret {
    /**
     * Checks nothing is null.
     *
     * @param data the data
     */
    public Present {
      Objects.requireNonNull(data, "data");
    }
  }

  /** The Secret does not exist. */
  record Absent() implements SourceSecret {}

  /**
   * The Secret could not be read.
   *
   * @param failure why
   */
  record Unreadable(PortFailure failure) implements SourceSecret {
    /**
     * Checks nothing is null.
     *
     * @param failure why
     */
    public Unreadable {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
