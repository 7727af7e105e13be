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

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.io.BackupStoreReadException;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.internal.FieldRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The general path's second step: binds a parsed document to a BackupStore, the reference the
 * direct binder agrees with. Checks the tree against the schema first (and, in strict mode, its
 * duplicate keys and its identity), then binds it with Jackson, collecting every problem with its
 * path, located in the text. See {@link CodecEngine#decode(SourceDocument)}.
 */
final class TreeDecoder {
  private TreeDecoder() {}

  /**
   * The document's store, not yet validated.
   *
   * @param document a parsed document
   * @param strict whether unknown fields and duplicate keys are errors
   * @param databind the databind side, built here if no one asked before
   * @return the store
   * @throws BackupStoreReadException when the document is not a mapping ({@code MALFORMED}) or does
   *     not fit the schema ({@code INVALID})
   */
  static BackupStore decode(SourceDocument document, boolean strict, LazyDatabind databind) {
    if (!document.tree().isObject()) {
      throw ReadErrors.malformed(
          "a BackupStore document must be a mapping, not " + describe(document.tree()),
          document.location());
    }
    List<FieldError> problems = new ArrayList<>(0);
    if (strict) {
      problems.addAll(document.duplicates());
    }
    DatabindMappers d = databind.get();
    d.schemaCheck().check(document.tree(), d.storeType(), "", strict, problems);
    if (strict) {
      identity(document.tree(), problems);
    }
    BackupStore store = null;
    if (!problems.isEmpty()) {
      throw new BackupStoreReadException(
          BackupStoreReadException.Kind.INVALID, document.locate(problems));
    }
    try {
      store =
          d.reader()
              .withHandler(new BindingProblems(problems, d.mapper()))
              .readValue(document.tree());
    } catch (MismatchedInputException e) {
      problems.add(BindingProblems.typeProblem(e));
    } catch (IOException | RuntimeException e) {
      problems.add(
          FieldError.of(
              Paths.of(e instanceof JsonMappingException m ? m.getPath() : List.of()),
              FieldError.Type.INVALID,
              "could not be read: " + SecretScrubber.scrub(ReadErrors.firstLine(e))));
    }
    if (!problems.isEmpty() || store == null) {
      if (problems.isEmpty()) {
        problems.add(FieldError.of("", FieldError.Type.INVALID, "document could not be read"));
      }
      throw new BackupStoreReadException(
          BackupStoreReadException.Kind.INVALID, document.locate(problems));
    }
    return store;
  }

  /**
   * Strict reading's check that the document is a BackupStore at all: {@code apiVersion} {@value
   * BackupStore#API_VERSION}, {@code kind} {@value BackupStore#KIND} and a {@code spec}, each
   * reported at its own field (a wrong JSON type is reported by the schema check already).
   */
  private static void identity(JsonNode tree, List<FieldError> problems) {
    identityField(tree, "apiVersion", FieldRule.API_VERSION, problems);
    identityField(tree, "kind", FieldRule.KIND, problems);
    JsonNode spec = tree.get("spec");
    if (spec == null || spec.isNull()) {
      problems.add(
          FieldError.of(
              "spec", FieldError.Type.REQUIRED, "a BackupStore document must have a spec"));
    }
  }

  private static void identityField(
      JsonNode tree, String field, FieldRule rule, List<FieldError> problems) {
    JsonNode value = tree.get(field);
    if (value == null || value.isNull()) {
      problems.add(FieldError.required(field));
    } else if (value.isTextual()) {
      rule.check(value.asText()).ifPresent(e -> problems.add(e.under(field)));
    }
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
