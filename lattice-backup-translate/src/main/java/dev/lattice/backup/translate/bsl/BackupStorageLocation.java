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

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.lattice.backup.model.ObjectMetadata;
import java.util.Objects;

/**
 * A Velero {@code BackupStorageLocation} ({@code velero.io/v1}) as this library desires it:
 * immutable, holding only the fields it owns. {@link BslJson} writes it in exactly the shape of
 * Velero's CRD.
 *
 * @param metadata name, namespace (Velero's), labels and annotations
 * @param spec the desired spec
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
@JsonIgnoreProperties(
    value = {"apiVersion", "kind"},
    allowGetters = true)
public record BackupStorageLocation(ObjectMetadata metadata, BslSpec spec) {

  /** The apiVersion, {@value}. */
  public static final String API_VERSION = "velero.io/v1";

  /** The kind, {@value}. */
  public static final String KIND = "BackupStorageLocation";

  /**
   * Checks nothing is null.
   *
   * @param metadata the metadata
   * @param spec the spec
   */
  public BackupStorageLocation {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  /**
   * The apiVersion, always {@value #API_VERSION}.
   *
   * @return the apiVersion
   */
  public String getApiVersion() {
    return API_VERSION;
  }

  /**
   * The kind, always {@value #KIND}.
   *
   * @return the kind
   */
  public String getKind() {
    return KIND;
  }

  /**
   * The location's name.
   *
   * @return the name
   */
  @JsonIgnore
  public String name() {
    return Objects.requireNonNull(metadata.name(), "name");
  }

  /**
   * A copy that is, or is not, the default location; this location itself when it already is as
   * asked.
   *
   * @param value whether it is the default
   * @return the copy, or this location
   */
  public BackupStorageLocation withDefault(boolean value) {
    return value == spec.isDefault()
        ? this
        : new BackupStorageLocation(metadata, spec.withDefault(value));
  }
}
