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
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The spec of a Velero BackupStorageLocation, limited to the fields this library owns.
 *
 * @param provider the object-store plugin, such as {@code aws} or {@code velero.io/aws}
 * @param objectStorage the bucket and prefix
 * @param config the plugin's configuration, string to string, sorted by key; omitted when empty
 * @param credential the Secret key holding the credentials; absent to use Velero's defaults
 * @param isDefault whether backups without a storage location use this one; written {@code default}
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record BslSpec(
    String provider,
    ObjectStorage objectStorage,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> config,
    Optional<SecretKeyRef> credential,
    @JsonProperty("default") boolean isDefault) {

  /**
   * Checks nothing is null and copies the config (absent reads as empty) into a sorted,
   * unmodifiable map.
   *
   * @param provider the plugin
   * @param objectStorage the bucket and prefix
   * @param config the plugin's configuration
   * @param credential the credentials' Secret key
   * @param isDefault whether this is the default location
   */
  public BslSpec {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(objectStorage, "objectStorage");
    Objects.requireNonNull(credential, "credential");
    config =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(Objects.requireNonNullElse(config, Map.<String, String>of())));
  }

  /**
   * A copy that is, or is not, the default location; this spec itself when it already is as asked.
   *
   * @param value whether it is the default
   * @return the copy, or this spec
   */
  public BslSpec withDefault(boolean value) {
    return value == isDefault
        ? this
        : new BslSpec(provider, objectStorage, config, credential, value);
  }
}
