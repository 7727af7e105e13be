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
package dev.lattice.backup.model.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One document of a text, parsed but not yet bound: its tree, and where each of its fields stood in
 * the text. Lets a caller look at {@code kind} before deciding to {@link CodecEngine#decode decode}
 * it, and put a line number on every error found later.
 *
 * <p>The tree is the parser's own; treat it as read-only.
 *
 * @param tree the document's content
 * @param index the document's 0-based position in its text
 * @param location where the document starts
 * @param locations where each field path's key (or list element) starts; internal
 * @param duplicates duplicate keys met while parsing, reported by strict decoding
 */
public record SourceDocument(
    JsonNode tree,
    int index,
    SourceLocation location,
    Map<String, SourceLocation> locations,
    List<FieldError> duplicates) {

  /**
   * Checks nothing is null and freezes the collections.
   *
   * @param tree the document's content
   * @param index the document's 0-based position in its text
   * @param location where the document starts
   * @param locations where each field path's key (or list element) starts; internal
   * @param duplicates duplicate keys met while parsing, reported by strict decoding
   */
  public SourceDocument {
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(location, "location");
    locations = Map.copyOf(locations);
    duplicates = List.copyOf(duplicates);
  }

  /**
   * The document's {@code kind}, if it is a mapping with a textual kind.
   *
   * @return the kind
   */
  public Optional<String> kind() {
    JsonNode kind = tree.path("kind");
    return kind.isTextual() ? Optional.of(kind.asText()) : Optional.empty();
  }

  /**
   * The document's {@code apiVersion}, if it is a mapping with a textual apiVersion.
   *
   * @return the apiVersion
   */
  public Optional<String> apiVersion() {
    JsonNode v = tree.path("apiVersion");
    return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  /**
   * Where a field path stood in the text: the path itself, or its nearest present ancestor (a
   * missing {@code spec.storage.s3.bucket} is located at {@code spec.storage.s3}).
   *
   * @param path a field path such as {@code spec.storage.s3.bucket}
   * @return the location; the document's start when nothing closer is known
   */
  public SourceLocation locate(String path) {
    for (String p = path; p != null; p = Paths.parent(p)) {
      SourceLocation found = locations.get(p);
      if (found != null) {
        return found;
      }
    }
    return location;
  }

  /**
   * The errors with their locations in this document's text.
   *
   * @param errors errors about this document, such as validation results
   * @return the same errors, located
   */
  public List<FieldError> locate(List<FieldError> errors) {
    return errors.stream().map(e -> e.at(locate(e.path()))).toList();
  }
}
