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

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Jackson's YAML factory, with one shortcut in the parsers it makes: a scalar that SnakeYAML's
 * resolver can only call a string is answered as a string without running the resolver's regular
 * expressions.
 *
 * <p>The resolver picks candidate expressions by the scalar's first character and also tries a few
 * on every scalar. Most candidates are fixed word lists ({@code true}, {@code No}, {@code null},
 * {@code ~}, {@code <<}, ...); the others (numbers, timestamps) start with a digit, a sign or a
 * dot. So a quoted scalar, or a plain one that neither starts with such a character nor is one of
 * the words, resolves to a string. The table is read from the resolver itself, and every word list
 * must be one known here, else the shortcut is off. Every other scalar (and every tagged or empty
 * one) goes the usual way, so the tokens are the same as the stock parser's; property tests compare
 * both the rule with the resolver and the two parsers on random text.
 */
final class PlainScalarYamlFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  /**
   * The word lists SnakeYAML 2.x uses, by the text of its table entry, and the words each matches
   * (none longer than the entry's limit of 10).
   */
  private static final Map<String, Set<String>> KNOWN_WORD_LISTS =
      Map.of(
          "Tuple tag=tag:yaml.org,2002:bool regexp=^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false"
              + "|False|FALSE|on|On|ON|off|Off|OFF)$ limit=10",
          Set.of(
              "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
              "FALSE", "on", "On", "ON", "off", "Off", "OFF"),
          "Tuple tag=tag:yaml.org,2002:null regexp=^(?:~|null|Null|NULL| )$ limit=10",
          Set.of("~", "null", "Null", "NULL", " "),
          "Tuple tag=tag:yaml.org,2002:null regexp=^$ limit=10",
          Set.of(""),
          "Tuple tag=tag:yaml.org,2002:merge regexp=^(?:<<)$ limit=10",
          Set.of("<<"),
          "Tuple tag=tag:yaml.org,2002:yaml regexp=^(?:!|&|\\*)$ limit=10",
          Set.of("!", "&", "*"));

  /** The shortcut's rule, or null when the resolver's table is not the known one. */
  private static final @Nullable Rule RULE = Rule.of(new Table());

  /**
   * What decides "certainly a string".
   *
   * @param patternFirstChars first characters with candidates other than word lists
   * @param words every word of the word lists
   */
  private record Rule(Set<Character> patternFirstChars, Set<String> words) {
    static @Nullable Rule of(Table table) {
      Set<Character> patterned = new HashSet<>();
      Set<String> words = new HashSet<>();
      for (Map.Entry<@Nullable Character, List<?>> entry : table.entries()) {
        boolean onlyWords = true;
        for (Object candidate : entry.getValue()) {
          Set<String> known = KNOWN_WORD_LISTS.get(candidate.toString());
          if (known == null) {
            onlyWords = false;
          } else {
            words.addAll(known);
          }
        }
        if (entry.getKey() == null && !onlyWords) {
          return null; // an expression tried on every scalar that is not a known word list
        }
        Character first = entry.getKey();
        if (first != null && !onlyWords) {
          patterned.add(first);
        }
      }
      return new Rule(Set.copyOf(patterned), Set.copyOf(words));
    }
  }

  PlainScalarYamlFactory(YAMLFactoryBuilder builder) {
    super(builder);
  }

  private PlainScalarYamlFactory(PlainScalarYamlFactory source) {
    super(source, null);
  }

  @Override
  public YAMLFactory copy() {
    return new PlainScalarYamlFactory(this);
  }

  @Override
  protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
    return new Parser(
        context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
  }

  @Override
  protected YAMLParser _createParser(
      char[] data, int offset, int length, IOContext context, boolean recyclable)
      throws IOException {
    return _createParser(new java.io.CharArrayReader(data, offset, length), context);
  }

  /**
   * Whether SnakeYAML's resolver can only resolve this scalar to a string.
   *
   * @param value the scalar's text
   * @param plain whether it is a plain (unquoted) scalar
   * @return true when it is certainly a string
   */
  static boolean certainlyString(String value, boolean plain) {
    if (value.isEmpty()) {
      return false;
    }
    if (!plain) {
      return true;
    }
    Rule rule = RULE;
    return rule != null
        && !rule.patternFirstChars().contains(value.charAt(0))
        && !rule.words().contains(value);
  }

  /**
   * Whether the shortcut is on: the resolver's table is the known one.
   *
   * @return true when on
   */
  static boolean enabled() {
    return RULE != null;
  }

  /** The resolver's table of candidate expressions by first character. */
  private static final class Table extends Resolver {
    /** The entries: first character (null: every scalar) to its candidates. */
    List<Map.Entry<@Nullable Character, List<?>>> entries() {
      List<Map.Entry<@Nullable Character, List<?>>> out = new ArrayList<>();
      for (Character first : yamlImplicitResolvers.keySet()) {
        List<?> candidates = yamlImplicitResolvers.get(first);
        out.add(new AbstractMap.SimpleImmutableEntry<>(first, candidates));
      }
      return out;
    }
  }

  /** Jackson's YAML parser with the shortcut. */
  private static final class Parser extends YAMLParser {
    Parser(
        IOContext context,
        int parserFeatures,
        int yamlFeatures,
        LoaderOptions loaderOptions,
        @Nullable ObjectCodec codec,
        Reader reader) {
      super(context, parserFeatures, yamlFeatures, loaderOptions, codec, reader);
    }

    @Override
    protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
      String value = scalar.getValue();
      if (scalar.getTag() == null
          && certainlyString(value, scalar.getImplicit().canOmitTagInPlainScalar())) {
        _textValue = value;
        _cleanedTextValue = null;
        return JsonToken.VALUE_STRING;
      }
      return super._decodeScalar(scalar);
    }
  }
}
