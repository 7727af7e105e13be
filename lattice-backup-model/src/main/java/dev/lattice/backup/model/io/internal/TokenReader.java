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
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.lattice.backup.model.io.ReadLimits;
import dev.lattice.backup.model.validation.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The direct binder's view of a parser's tokens: moves from field to field and reads each value as
 * the type its field has (a string, a boolean, an integer, a map or list of strings), and
 * {@linkplain GiveUp gives up} on anything else: a value of another JSON type ({@code null}
 * included), a YAML alias, a duplicate key in a map, nesting deeper than the limit, or a scalar or
 * key longer than the limit.
 */
final class TokenReader {
  private final JsonParser parser;
  private final Optional<String> source;
  private final int maxDepth;
  private final int maxStringChars;
  private final @Nullable YAMLParser yaml;

  TokenReader(JsonParser parser, Optional<String> source, ReadLimits limits) {
    this.parser = parser;
    this.source = source;
    this.maxDepth = limits.maxNestingDepth();
    this.maxStringChars = limits.maxStringChars();
    this.yaml = parser instanceof YAMLParser y ? y : null;
  }

  /** The next token of the stream, null at its end. */
  @Nullable JsonToken nextToken() throws IOException {
    return parser.nextToken();
  }

  /** Moves to the next field of the current mapping; false at the mapping's end. */
  boolean nextField() throws IOException {
    return parser.nextToken() == JsonToken.FIELD_NAME;
  }

  /** The name of the current field. */
  String fieldName() throws IOException {
    return parser.currentName();
  }

  /** Moves to a field's value; gives up on an alias. */
  JsonToken value() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw GiveUp.INSTANCE;
    }
    checkAlias();
    return token;
  }

  /** Gives up when the current token is a YAML alias. */
  void checkAlias() {
    if (yaml != null && yaml.isCurrentAlias()) {
      throw GiveUp.INSTANCE;
    }
  }

  /** The string at the token, or give up. */
  String string(JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw GiveUp.INSTANCE;
    }
    return checkedLength(parser.getText());
  }

  /** The boolean at the token, or give up. */
  boolean bool(JsonToken token) {
    if (token == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw GiveUp.INSTANCE;
  }

  /** The integer at the token, when it fits a long, or give up. */
  long integer(JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw GiveUp.INSTANCE;
    }
    JsonParser.NumberType type = parser.getNumberType();
    if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
      throw GiveUp.INSTANCE;
    }
    return parser.getLongValue();
  }

  /** A mapping of strings to strings at the given depth, sorted by key, or give up. */
  Map<String, String> stringMap(JsonToken start, int depth) throws IOException {
    object(start, depth);
    Map<String, String> out = new TreeMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = checkedLength(parser.currentName());
      if (out.put(key, string(value())) != null) {
        throw GiveUp.INSTANCE;
      }
    }
    return out;
  }

  /** A list of strings at the given depth, or give up. */
  List<String> stringList(JsonToken start, int depth) throws IOException {
    if (start != JsonToken.START_ARRAY) {
      throw GiveUp.INSTANCE;
    }
    depth(depth);
    List<String> out = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw GiveUp.INSTANCE;
      }
      checkAlias();
      out.add(string(token));
    }
    return out;
  }

  /** A mapping at the given depth, or give up. */
  void object(JsonToken start, int depth) {
    if (start != JsonToken.START_OBJECT) {
      throw GiveUp.INSTANCE;
    }
    depth(depth);
  }

  /** Gives up when the depth is past the limit. */
  void depth(int depth) {
    if (depth > maxDepth) {
      throw GiveUp.INSTANCE;
    }
  }

  private String checkedLength(String text) {
    if (text.length() > maxStringChars) {
      throw GiveUp.INSTANCE;
    }
    return text;
  }

  /**
   * Marks a field of a record as seen, giving up on a duplicate key.
   *
   * @param seen the bits of the fields seen so far
   * @param bit this field's bit
   * @return the bits with this field's
   */
  static int once(int seen, int bit) {
    if ((seen & bit) != 0) {
      throw GiveUp.INSTANCE; // a duplicate key
    }
    return seen | bit;
  }

  /** Where the current token starts, exactly as {@link TreeReader} computes it. */
  SourceLocation here() {
    JsonLocation l = parser.currentTokenLocation();
    SourceLocation at = SourceLocation.of(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    return source.map(at::inSource).orElse(at);
  }
}
