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

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.lattice.backup.model.io.ReadLimits;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the trees of every document in a parser's stream, recording where each field path stands.
 * One pass over the tokens; the binding to records then runs on the tree, never on the text again.
 */
final class TreeReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonParser parser;
  private final Optional<String> source;
  private final int maxDepth;
  private final int maxStringChars;
  private Map<String, SourceLocation> locations = new HashMap<>();
  private List<FieldError> duplicates = new ArrayList<>();

  private final boolean recordLocations;

  /**
   * A reader. Without {@code recordLocations}, no paths are built and no locations kept (about half
   * the cost); a duplicate key then throws {@link NeedsLocations}, so the caller can read again
   * with locations to report it precisely.
   */
  TreeReader(
      JsonParser parser, Optional<String> source, ReadLimits limits, boolean recordLocations) {
    this.recordLocations = recordLocations;
    this.parser = parser;
    this.source = source;
    this.maxDepth = limits.maxNestingDepth();
    this.maxStringChars = limits.maxStringChars();
  }

  /** Every non-empty document of the stream. */
  List<SourceDocument> readAll() throws IOException {
    List<SourceDocument> out = new ArrayList<>();
    int index = 0;
    while (parser.nextToken() != null) {
      locations = new HashMap<>();
      duplicates = new ArrayList<>(0);
      SourceLocation start = here();
      locations.put("", start);
      JsonNode tree = value("", 0);
      if (!tree.isNull() && !tree.isMissingNode()) {
        out.add(new SourceDocument(tree, index, start, locations, duplicates));
      }
      index++;
    }
    return out;
  }

  private JsonNode value(String path, int depth) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IOException("unexpected end of text");
    }
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw new Refused("YAML aliases are not supported in BackupStore manifests", here());
    }
    return switch (token) {
      case START_OBJECT -> object(path, depth + 1);
      case START_ARRAY -> array(path, depth + 1);
      case VALUE_STRING -> NODES.textNode(checkedLength(parser.getText()));
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      case VALUE_EMBEDDED_OBJECT ->
          parser.getEmbeddedObject() instanceof byte[] bytes
              ? NODES.binaryNode(bytes)
              : NODES.pojoNode(parser.getEmbeddedObject());
      default -> throw new IOException("unexpected token " + token);
    };
  }

  private ObjectNode object(String path, int depth) throws IOException {
    checkDepth(depth);
    ObjectNode node = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = checkedLength(parser.currentName());
      if (!recordLocations) {
        parser.nextToken();
        if (node.replace(key, value("", depth)) != null) {
          throw new NeedsLocations();
        }
        continue;
      }
      String child = Paths.child(path, key);
      SourceLocation at = here();
      parser.nextToken();
      JsonNode value = value(child, depth);
      if (node.has(key)) {
        duplicates.add(FieldError.of(child, FieldError.Type.DUPLICATE, key, "").at(at));
      } else {
        locations.put(child, at);
      }
      node.set(key, value);
    }
    return node;
  }

  private ArrayNode array(String path, int depth) throws IOException {
    checkDepth(depth);
    ArrayNode node = NODES.arrayNode();
    int i = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (!recordLocations) {
        node.add(value("", depth));
        continue;
      }
      String child = Paths.index(path, i++);
      locations.put(child, here());
      node.add(value(child, depth));
    }
    return node;
  }

  private void checkDepth(int depth) throws IOException {
    if (depth > maxDepth) {
      throw new Refused("nesting deeper than " + maxDepth + " levels", here());
    }
  }

  private String checkedLength(String text) throws IOException {
    if (text.length() > maxStringChars) {
      throw new Refused(
          "a scalar or key of "
              + text.length()
              + " characters is longer than the limit of "
              + maxStringChars,
          here());
    }
    return text;
  }

  private SourceLocation here() {
    JsonLocation l = parser.currentTokenLocation();
    SourceLocation at = SourceLocation.of(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    return source.map(at::inSource).orElse(at);
  }

  /** A duplicate key met while not recording locations: read again with them. */
  static final class NeedsLocations extends IOException {
    private static final long serialVersionUID = 1L;

    NeedsLocations() {
      super("duplicate key");
    }
  }

  /** Text refused by a read limit; the codec turns it into a malformed-text error. */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
    final transient SourceLocation location;

    Refused(String message, SourceLocation location) {
      super(message);
      this.location = location;
    }
  }
}
