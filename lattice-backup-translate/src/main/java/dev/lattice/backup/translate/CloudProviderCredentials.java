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

import dev.lattice.backup.translate.bsl.SecretKeyRef;

/**
 * Where the credentials of a Lattice CloudProvider live in Velero's namespace: a pure function from
 * a {@code cloudProviderRef} to a Secret key. Must be deterministic.
 */
@FunctionalInterface
public interface CloudProviderCredentials {
  /**
   * The Secret key holding the credentials of the named CloudProvider.
   *
   * @param cloudProviderRef the CloudProvider's name
   * @return the Secret key, in Velero's namespace
   */
  SecretKeyRef secretFor(String cloudProviderRef);

  /**
   * The original Lattice controller's convention: Secret {@code velero-credentials-<ref>}, key
   * {@code cloud}.
   *
   * @return the convention
   */
  static CloudProviderCredentials latticeConvention() {
    return ref -> new SecretKeyRef("velero-credentials-" + ref, "cloud");
  }
}
