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

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The shortcut in {@link PlainScalarYamlFactory} changes nothing: every scalar it calls a string is
 * one SnakeYAML's resolver resolves to a string, and on any text its parser yields the same tokens,
 * texts and errors as the stock parser.
 */
class PlainScalarYamlFactoryProperties {
  /** Characters that start, or appear in, every kind of implicitly typed YAML scalar. */
  private static final String TRICKY = "yYnNtTfFoO-+0123456789._<~!&*:eExXabcz ";

  private final Resolver resolver = new Resolver();

  @Property(tries = 2000)
  void aScalarCalledCertainlyAStringResolvesToAString(
      @ForAll("scalars") String value, @ForAll boolean plain) {
    if (PlainScalarYamlFactory.certainlyString(value, plain)) {
      assertThat(resolver.resolve(NodeId.scalar, value, plain)).isEqualTo(Tag.STR);
    }
  }

  @Test
  void theShortcutIsTakenForOrdinaryNamesAndNotForTypedLookingOnes() {
    assertThat(PlainScalarYamlFactory.enabled()).isTrue();
    assertThat(PlainScalarYamlFactory.certainlyString("bucket-1", true)).isTrue();
    assertThat(PlainScalarYamlFactory.certainlyString("name", true)).isTrue();
    assertThat(PlainScalarYamlFactory.certainlyString("namespace", true)).isTrue();
    assertThat(PlainScalarYamlFactory.certainlyString("team-1", true)).isTrue();
    assertThat(PlainScalarYamlFactory.certainlyString("Off", true)).isFalse();
    assertThat(PlainScalarYamlFactory.certainlyString("NULL", true)).isFalse();
    assertThat(PlainScalarYamlFactory.certainlyString("<<", true)).isFalse();
    assertThat(PlainScalarYamlFactory.certainlyString("-1", true)).isFalse();
    assertThat(PlainScalarYamlFactory.certainlyString(".5", true)).isFalse();
    assertThat(PlainScalarYamlFactory.certainlyString("us-east-1", true)).isTrue();
    assertThat(PlainScalarYamlFactory.certainlyString("12345", false)).isTrue();
    assertThat(PlainScalarYamlFactory.certainlyString("true", true)).isFalse();
    assertThat(PlainScalarYamlFactory.certainlyString("12345", true)).isFalse();
    assertThat(PlainScalarYamlFactory.certainlyString("~", true)).isFalse();
    assertThat(PlainScalarYamlFactory.certainlyString("", true)).isFalse();
    assertThat(PlainScalarYamlFactory.certainlyString("", false)).isFalse();
  }

  @Property(tries = 500)
  void theParserYieldsTheStockParsersTokens(@ForAll("documents") String yaml) {
    assertThat(tokens(new PlainScalarYamlFactory(YAMLFactory.builder()), yaml))
        .isEqualTo(tokens(YAMLFactory.builder().build(), yaml));
  }

  @Test
  void aCopyIsTheSameKindOfFactory() {
    YAMLFactory copy = new PlainScalarYamlFactory(YAMLFactory.builder()).copy();
    assertThat(copy).isInstanceOf(PlainScalarYamlFactory.class);
    assertThat(tokens(copy, "a: yes\nb: bucket\n"))
        .isEqualTo(tokens(YAMLFactory.builder().build(), "a: yes\nb: bucket\n"));
  }

  /** Every token with its text, or the error the parser ended with. */
  private static List<String> tokens(YAMLFactory factory, String yaml) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = factory.createParser(yaml)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        out.add(t + " " + p.getText() + (t.isNumeric() ? " " + p.getNumberValue() : ""));
      }
    } catch (Exception e) {
      out.add("error " + e.getClass().getName() + ": " + e.getMessage());
    }
    return out;
  }

  @Provide
  Arbitrary<String> scalars() {
    Arbitrary<String> words =
        Arbitraries.of(
            "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
            "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "<<", "!",
            "&", "*", "y", "n", "Y", "N", "nULL", "tRUE", "oN", "yES");
    Arbitrary<String> nearWords =
        Combinators.combine(
                words,
                Arbitraries.strings().withChars(TRICKY).ofMaxLength(2),
                Arbitraries.integers().between(0, 5))
            .as(
                (w, extra, cut) ->
                    cut == 0
                        ? extra + w
                        : cut == 1 ? w + extra : w.substring(0, Math.min(cut, w.length())));
    return Arbitraries.oneOf(
        words,
        nearWords,
        Arbitraries.strings().withChars(TRICKY).ofMaxLength(8),
        Arbitraries.strings().all().ofMaxLength(6),
        Arbitraries.of(
            "yes",
            "No",
            "ON",
            "off",
            "true",
            "False",
            "null",
            "Null",
            "~",
            "0x1F",
            "0o17",
            "0b101",
            "1_000",
            "1:20",
            "-.inf",
            ".NaN",
            "1e3",
            "6.8523015e+5",
            "2001-12-14",
            "<<",
            "=",
            "!tag",
            "&a",
            "*a",
            "y",
            "n",
            "é",
            "ñ",
            "bucket-1"));
  }

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> scalar =
        Combinators.combine(scalars(), Arbitraries.of("", "'", "\""))
            .as(
                (s, quote) ->
                    quote.isEmpty()
                        ? s
                        : quote + s.replace("\\", "\\\\").replace(quote, quote + quote) + quote);
    Arbitrary<String> entry =
        Combinators.combine(Arbitraries.strings().withChars("abkz").ofLength(2), scalar)
            .as((k, v) -> k + ": " + v + "\n");
    return entry.list().ofMaxSize(6).map(list -> String.join("", list));
  }
}
