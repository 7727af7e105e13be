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

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Optional;

/**
 * Where in the object store a location keeps its backups ({@code spec.objectStorage}).
 *
 * @param bucket the bucket (or Azure container)
 * @param prefix the path inside the bucket under which everything is stored
 * @param caCertRef the Secret key (in Velero's namespace) holding the PEM certificates Velero's
 *     plugin trusts for the object store's TLS, beside the system's ({@code caCertRef}, Velero 1.18
 *     and later); absent when the store's credentials Secret holds none
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ObjectStorage(
    String bucket, Optional<String> prefix, Optional<SecretKeyRef> caCertRef) {
  /**
   * Checks nothing is null.
   *
   * @param bucket the bucket
   * @param prefix the path inside the bucket
   * @param caCertRef the trusted certificates' Secret key
   */
  public ObjectStorage {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(caCertRef, "caCertRef");
  }

  /**
   * A location's storage that trusts only the system's certificates.
   *
   * @param bucket the bucket
   * @param prefix the path inside the bucket
   */
  public ObjectStorage(String bucket, Optional<String> prefix) {
    this(bucket, prefix, Optional.empty());
  }

  /**
   * A copy that trusts the certificates under a Secret key, or only the system's.
   *
   * @param ref the Secret key, or empty
   * @return the copy, or this when it already is as asked
   */
  public ObjectStorage withCaCertRef(Optional<SecretKeyRef> ref) {
    return ref.equals(caCertRef) ? this : new ObjectStorage(bucket, prefix, ref);
  }
}
