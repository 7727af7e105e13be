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
package dev.lattice.backup.reconcile.port;

import dev.lattice.backup.model.ObjectMetadata;
import java.util.Objects;

/**
 * A Secret in Velero's namespace that holds a copy of a store's credentials, labelled as managed by
 * this library. Its string form never shows the data.
 *
 * @param metadata name, namespace, labels and the owner annotation
 * @param data the copied key and value
 */
public record MirroredSecret(ObjectMetadata metadata, SecretData data) {
  /**
   * Checks nothing is null.
   *
   * @param metadata the metadata
   * @param data the data
   */
  public MirroredSecret {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(data, "data");
  }

  /**
   * The Secret's name.
   *
   * @return the name
   */
  public String name() {
    return Objects.requireNonNull(metadata.name(), "metadata.name");
  }
}
