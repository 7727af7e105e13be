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
package dev.lattice.backup.model.crd;

import dev.lattice.backup.model.BackupStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The BackupStore CustomResourceDefinition ({@value BackupStore#CRD_NAME}) as a YAML manifest: an
 * {@code apiextensions.k8s.io/v1} CustomResourceDefinition with version {@value
 * BackupStore#VERSION} served and stored, a status subresource, an OpenAPI v3 schema that matches
 * the model's records, and CEL rules ({@code x-kubernetes-validations}) for the cross-field rules
 * of {@code spec.storage}. Install it with {@code kubectl apply -f -} on the text of {@link
 * #yaml()}.
 */
public final class BackupStoreCrd {
  /** Where the manifest lies on the class path, {@value}. */
  public static final String RESOURCE =
      "/dev/lattice/backup/model/crd/backupstores.lattice.dev.yaml";

  private BackupStoreCrd() {}

  /**
   * The manifest, exactly as shipped: one YAML document, UTF-8, ending with a line break.
   *
   * @return the YAML text
   * @throws IllegalStateException when the resource is missing from the class path (a broken jar)
   * @throws UncheckedIOException when the resource cannot be read
   */
  public static String yaml() {
    try (InputStream in = BackupStoreCrd.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class path resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read class path resource " + RESOURCE, e);
    }
  }
}
