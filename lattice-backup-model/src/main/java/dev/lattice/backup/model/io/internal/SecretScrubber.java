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
 * Hides what might be secret in a parser's message (user information of a URL, whatever characters
 * it holds, and a URL's query or fragment), escapes control characters and line breaks (a parser
 * may quote the character it stopped at) and cuts the text, so a parser's message never leaks a
 * secret and stays one line. {@link CodecEngine#scrub(String)} is its public entry.
 */
final class SecretScrubber {
  private static final int MAX_PROBLEM_CHARS = 200;

  private SecretScrubber() {}

  /**
   * The message, safe to show: secrets hidden, control characters escaped, at most 200 characters
   * (then {@code ...}).
   *
   * @param message a parser's message
   * @return the message, safe to show
   */
  static String scrub(String message) {
    String clean = escapeControls(hideQueries(hideUserInfo(message)));
    return clean.length() <= MAX_PROBLEM_CHARS
        ? clean
        : clean.substring(0, MAX_PROBLEM_CHARS) + "...";
  }

  /**
   * Replaces everything from the start of user information to the last {@code @} by {@code ***}:
   * from just after the first {@code ://} before the last {@code @}, or, without one, from the
   * start of the word holding the first {@code @}. A password may hold spaces, quotes, {@code /} or
   * {@code #}, so no word or URL grammar can be trusted to find where it ends; the last {@code @}
   * can.
   */
  static String hideUserInfo(String message) {
    int last = message.lastIndexOf('@');
    if (last < 0) {
      return message;
    }
    int scheme = message.indexOf("://");
    int from;
    if (scheme >= 0 && scheme < last) {
      from = scheme + 3;
    } else {
      from = message.indexOf('@');
      while (from > 0 && !isWordBoundary(message.charAt(from - 1))) {
        from--;
      }
    }
    return message.substring(0, from) + "***" + message.substring(last);
  }

  /** Replaces the query or fragment of every URL in the text by {@code ***}. */
  static String hideQueries(String message) {
    StringBuilder out = new StringBuilder(message.length());
    int i = 0;
    while (i < message.length()) {
      int scheme = message.indexOf("://", i);
      if (scheme < 0) {
        break;
      }
      int end = scheme + 3;
      while (end < message.length() && !isWordBoundary(message.charAt(end))) {
        end++;
      }
      int cut = scheme + 3;
      while (cut < end && message.charAt(cut) != '?' && message.charAt(cut) != '#') {
        cut++;
      }
      out.append(message, i, cut);
      if (cut < end) {
        out.append(message.charAt(cut)).append("***");
      }
      i = end;
    }
    return out.append(message, i, message.length()).toString();
  }

  private static boolean isWordBoundary(char c) {
    return Character.isWhitespace(c) || c == '\'' || c == '"' || c == '`';
  }

  private static String escapeControls(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
      if (control && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (control) {
          out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
