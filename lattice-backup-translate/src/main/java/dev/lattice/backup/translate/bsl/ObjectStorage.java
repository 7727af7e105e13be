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
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ObjectStorage(String bucket, Optional<String> prefix) {
  /**
   * Checks nothing is null.
   *
   * @param bucket the bucket
   * @param prefix the path inside the bucket
   */
  public ObjectStorage {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
  }
}
