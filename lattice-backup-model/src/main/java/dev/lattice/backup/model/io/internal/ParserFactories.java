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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.lattice.backup.model.io.ReadLimits;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The JSON and YAML factories of an engine, configured once for its read limits (nesting depth,
 * string, name and document length; no YAML alias for a collection) and for the way stores are
 * written (plain scalars where safe, numbers as quoted strings, lists indented, lines not split).
 *
 * @param limits the read limits the factories enforce
 * @param json the JSON factory
 * @param yaml the YAML factory, whose parsers skip SnakeYAML's scalar resolution for plain strings
 */
record ParserFactories(ReadLimits limits, JsonFactory json, YAMLFactory yaml) {

  /** The factories for these limits. */
  static ParserFactories of(ReadLimits limits) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringChars())
            .maxDocumentLength(limits.maxTextChars())
            .maxNameLength(limits.maxStringChars())
            .build();
    JsonFactory json =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    LoaderOptions loader = new LoaderOptions();
    loader.setMaxAliasesForCollections(0);
    loader.setNestingDepthLimit(limits.maxNestingDepth());
    loader.setCodePointLimit(limits.maxTextChars());
    loader.setAllowDuplicateKeys(true);
    YAMLFactory yaml =
        new PlainScalarYamlFactory(
            YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(constraints)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .stringQuotingChecker(new LineBreakQuoting()));
    return new ParserFactories(limits, json, yaml);
  }

  /**
   * A parser of the text: JSON when {@linkplain TextScanner#looksLikeJson it looks so}, else YAML.
   */
  JsonParser createParser(String text) throws IOException {
    return TextScanner.looksLikeJson(text) ? json.createParser(text) : yaml.createParser(text);
  }
}
