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

import com.fasterxml.jackson.core.JsonParser;
import dev.lattice.backup.model.io.BackupStoreReadException;
import dev.lattice.backup.model.validation.SourceLocation;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The general path's first step: parses a text into its documents' trees with {@link TreeReader},
 * without binding them, and turns every failure of the parser or a read limit into a located {@code
 * MALFORMED} error. See {@link CodecEngine#parse(String, Optional, boolean)}.
 */
final class DocumentParser {
  private DocumentParser() {}

  /**
   * The documents of a text, empty YAML documents skipped.
   *
   * @param factories the parser factories and read limits
   * @param text the text, JSON or YAML
   * @param sourceName the name to put in locations; empty for none
   * @param withLocations whether to record where each field stands
   * @return the documents
   * @throws BackupStoreReadException of kind {@code MALFORMED} when the text is not JSON or YAML or
   *     breaks a read limit
   */
  static List<SourceDocument> parse(
      ParserFactories factories, String text, Optional<String> sourceName, boolean withLocations) {
    int maxTextChars = factories.limits().maxTextChars();
    if (text.length() > maxTextChars) {
      throw ReadErrors.malformed(
          "text of " + text.length() + " characters is longer than the limit of " + maxTextChars,
          ReadErrors.located(SourceLocation.of(1, 1), sourceName));
    }
    try (JsonParser parser = factories.createParser(text)) {
      return new TreeReader(parser, sourceName, factories.limits(), withLocations).readAll();
    } catch (TreeReader.NeedsLocations e) {
      return parse(factories, text, sourceName, true);
    } catch (TreeReader.Refused e) {
      throw ReadErrors.malformed(String.valueOf(e.getMessage()), e.location);
    } catch (IOException | RuntimeException e) {
      throw ReadErrors.unreadable(e, sourceName);
    } catch (StackOverflowError e) {
      throw ReadErrors.malformed(
          "nesting too deep", ReadErrors.located(SourceLocation.of(1, 1), sourceName));
    }
  }
}
