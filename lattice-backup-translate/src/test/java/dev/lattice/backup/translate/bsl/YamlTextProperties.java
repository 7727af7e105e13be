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

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TranslationResult;
import dev.lattice.backup.translate.Translator;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written YAML reads back, with a real YAML parser, to exactly the JSON tree. */
class YamlTextProperties {
  private static final YAMLMapper YAML = new YAMLMapper();

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(30),
        Arbitraries.strings().withChars("aZ09 :#-?&*!|>'\"%@`{}[],.\\/~\n\t").ofMaxLength(12),
        Arbitraries.of(
            "true",
            "False",
            "yes",
            "No",
            "on",
            "OFF",
            "y",
            "n",
            "null",
            "~",
            "",
            "1",
            "0x1f",
            "1e3",
            "-.inf",
            ".NaN",
            "1_000",
            "0o17",
            "2026-01-01",
            "12:30",
            "- a",
            "a: b",
            "#c",
            " lead",
            "trail ",
            "@x",
            "`x",
            "http://minio:9000",
            "us-east-1",
            "velero.io/aws",
            "\u007f",
            "\u0080",
            "a\u0090",
            "\u009f",
            "\u0085x"));
  }

  @Property(tries = 2000)
  void everyStringReadsBackUnchanged(@ForAll("strings") String s) throws Exception {
    StringBuilder out = new StringBuilder("k: ");
    YamlText.scalar(out, s);
    StringBuilder key = new StringBuilder();
    YamlText.scalar(key, s);
    key.append(": v");

    JsonNode value = YAML.readTree(out.toString()).get("k");
    assertThat(value.isTextual()).as(out.toString()).isTrue();
    assertThat(value.asText()).isEqualTo(s);
    assertThat(YAML.readTree(key.toString()).fieldNames().next()).isEqualTo(s);
  }

  @Example
  void aStringThatNeedsNoQuotesIsWrittenAsItself() {
    for (String s : List.of("a0", "z9", "A_", "Z/", "azAZ09", "_a.b-c", "/z0Z9a", "yes-no")) {
      StringBuilder out = new StringBuilder();
      YamlText.scalar(out, s);
      assertThat(out).as(s).hasToString(s);
    }
  }

  @Example
  void aQuotedStringGainsOnlyItsQuotesAndTheEscapesItNeeds() {
    StringBuilder out = new StringBuilder();
    YamlText.scalar(out, "a: b");
    YamlText.scalar(out, "\u00e9 #");
    YamlText.scalar(out, "\u0080\u009f\u00a0");
    assertThat(out).hasToString("\"a: b\"\"\u00e9 #\"\"\\u0080\\u009f\u00a0\"");
  }

  @Provide
  Arbitrary<List<BackupStore>> stores() {
    return ModelArbitraries.validStores().list().ofMaxSize(5);
  }

  @Property(tries = 300)
  void locationsWrittenAsYamlReadBackToTheirTrees(@ForAll("stores") List<BackupStore> stores)
      throws Exception {
    List<BackupStorageLocation> bsls = new ArrayList<>();
    for (BackupStore s : stores) {
      if (Translator.translate(s, TranslationOptions.defaults())
          instanceof TranslationResult.Translated t) {
        bsls.add(t.bsl());
      }
    }
    List<JsonNode> read = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        YAML.readerFor(JsonNode.class).readValues(BslJson.toYaml(bsls))) {
      while (it.hasNext()) {
        read.add(it.next());
      }
    }
    assertThat(read).isEqualTo(bsls.stream().map(BslJson::toTree).toList());
  }
}
