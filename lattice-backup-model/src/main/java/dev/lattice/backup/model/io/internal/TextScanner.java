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

/**
 * Looks at a text before any parser does: whether it is JSON or YAML, how many line breaks it
 * holds, and where a YAML document marker lets it be cut in two.
 */
final class TextScanner {
  private TextScanner() {}

  /** Whether the text is JSON: its first character that is not blank is a brace or a bracket. */
  static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  /** Line breaks as SnakeYAML's reader counts them; see {@link CodecEngine#lineBreaks}. */
  static int lineBreaks(String text) {
    int lines = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n'
          || c == '\u0085'
          || c == '\u2028'
          || c == '\u2029'
          || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        lines++;
      }
    }
    return lines;
  }

  /**
   * The start of the first document marker line at or after {@code from}, or -1; see {@link
   * CodecEngine#documentMarkerNear}.
   */
  static int documentMarkerNear(String text, int from) {
    int at = text.indexOf("\n---", Math.max(0, from - 1));
    while (at >= 0) {
      int after = at + 4;
      if (after == text.length()) {
        return at + 1;
      }
      char c = text.charAt(after);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        return at + 1;
      }
      at = text.indexOf("\n---", at + 1);
    }
    return -1;
  }
}
