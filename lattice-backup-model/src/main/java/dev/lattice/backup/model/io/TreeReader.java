package dev.lattice.backup.model.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final JsonParser parser;
  private final Optional<String> source;
  private final int maxDepth;
  private Map<String, SourceLocation> locations;
  private List<FieldError> duplicates;

  TreeReader(JsonParser parser, Optional<String> source, int maxDepth) {
    this.parser = parser;
    this.source = source;
    this.maxDepth = maxDepth;
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
    switch (token) {
      case START_OBJECT:
        return object(path, depth + 1);
      case START_ARRAY:
        return array(path, depth + 1);
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      case VALUE_EMBEDDED_OBJECT:
        Object embedded = parser.getEmbeddedObject();
        return embedded instanceof byte[] bytes ? NODES.binaryNode(bytes) : NODES.pojoNode(embedded);
      default:
        throw new IOException("unexpected token " + token);
    }
  }

  private ObjectNode object(String path, int depth) throws IOException {
    checkDepth(depth);
    ObjectNode node = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
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
      String child = Paths.index(path, i++);
      locations.put(child, here());
      node.add(value(child, depth));
    }
    return node;
  }

  private void checkDepth(int depth) throws IOException {
    if (depth > maxDepth) {
      throw new NestingTooDeep(maxDepth, here());
    }
  }

  private SourceLocation here() {
    JsonLocation l = parser.currentTokenLocation();
    SourceLocation at = SourceLocation.of(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    return source.map(at::inSource).orElse(at);
  }

  /** Nesting deeper than the limit; the codec turns it into a malformed-text error. */
  static final class NestingTooDeep extends IOException {
    private static final long serialVersionUID = 1L;
    final transient SourceLocation location;

    NestingTooDeep(int limit, SourceLocation location) {
      super("nesting deeper than " + limit + " levels");
      this.location = location;
    }
  }
}
