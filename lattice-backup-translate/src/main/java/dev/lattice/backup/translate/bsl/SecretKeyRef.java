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
package dev.lattice.backup.translate.bsl;

import java.util.Objects;

/**
 * A key of a Secret in Velero's namespace ({@code SecretKeySelector}): where Velero reads a
 * location's credentials.
 *
 * @param name the Secret's name
 * @param key the key inside the Secret, conventionally {@code cloud}
 */
public record SecretKeyRef(String name, String key) {
  /**
   * Checks nothing is null.
   *
   * @param name the Secret's name
   * @param key the key inside the Secret
   */
  public SecretKeyRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
  }
}
