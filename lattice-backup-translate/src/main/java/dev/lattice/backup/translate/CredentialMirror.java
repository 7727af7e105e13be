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

import java.util.Objects;

/**
 * A Secret that must be copied into Velero's namespace before the BSL can work: Velero reads
 * credentials only there, and a store may only hand Velero a Secret of its own namespace.
 *
 * @param sourceNamespace the store's namespace, holding the Secret
 * @param sourceName the Secret named by {@code credentialsSecretRef}
 * @param key the key to copy
 * @param targetNamespace Velero's namespace
 * @param targetName the mirrored Secret's name, derived from the BSL name
 */
public record CredentialMirror(
    String sourceNamespace,
    String sourceName,
    String key,
    String targetNamespace,
    String targetName) {
  /**
   * Checks nothing is null.
   *
   * @param sourceNamespace the store's namespace
   * @param sourceName the source Secret
   * @param key the key to copy
   * @param targetNamespace Velero's namespace
   * @param targetName the mirrored Secret
   */
  public CredentialMirror {
    Objects.requireNonNull(sourceNamespace, "sourceNamespace");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(targetNamespace, "targetNamespace");
    Objects.requireNonNull(targetName, "targetName");
  }

  /** {@code copy NS/NAME[KEY] to NS/NAME[KEY]}, naming no secret data. */
  @Override
  public String toString() {
    return "copy Secret "
        + sourceNamespace
        + "/"
        + sourceName
        + " key \""
        + key
        + "\" to "
        + targetNamespace
        + "/"
        + targetName;
  }
}
