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
package dev.lattice.backup.translate.defaults;

import java.util.Objects;

/**
 * Why one store that asked to be the default is not.
 *
 * @param reason the machine-readable reason
 * @param message a human-readable explanation, naming the winner or the foreign default
 */
public record NotDefault(DefaultReason reason, String message) {
  /**
   * Checks nothing is null.
   *
   * @param reason the reason
   * @param message the explanation
   */
  public NotDefault {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
