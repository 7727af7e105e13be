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
package dev.lattice.backup.testing.arbitraries;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Passwords written into endpoints, and the search for them in what the library prints.
 *
 * <p>A password holds every character that is special in a URL (each of {@link #URL_SPECIAL}, in a
 * random order) cut into runs of one to three, with runs of one to three Greek letters between
 * them. The Greek letters are markers: nothing the library prints contains one by itself, so any
 * Greek letter in an output came from a password. And every window of {@value #WINDOW} characters
 * of a password holds at least one marker, so a window found in an output is a leak, never a
 * coincidence with fixed text such as {@code http://}: that is why {@value #WINDOW} is the shortest
 * window searched. Shorter runs of special characters alone ({@code ://}) occur in every URL and
 * prove nothing.
 */
public final class Secrets {
  /** Every character with a meaning in a URL, or that a URL must escape. */
  public static final String URL_SPECIAL = ":/?#[]@!$&'()*+,;=% \"<>\\^`{|}~";

  /** The window searched for: every window this long holds a marker. */
  public static final int WINDOW = 4;

  private static final String MARKERS = "αβγδεζηθικλμνξοπρστυφχψω";

  private Secrets() {}

  /** A password as described above. */
  public static Arbitrary<String> passwords() {
    Arbitrary<List<Character>> order =
        Arbitraries.shuffle(URL_SPECIAL.chars().mapToObj(c -> (char) c).toList());
    Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(1, 3).list().ofSize(40);
    Arbitrary<List<String>> marks =
        Arbitraries.strings().withChars(MARKERS).ofMinLength(1).ofMaxLength(3).list().ofSize(41);
    return Combinators.combine(order, cuts, marks)
        .as(
            (specials, sizes, markers) -> {
              StringBuilder out = new StringBuilder(markers.get(0));
              int i = 0;
              int run = 0;
              while (i < specials.size()) {
                int size = Math.min(sizes.get(run), specials.size() - i);
                for (int k = 0; k < size; k++) {
                  out.append(specials.get(i + k));
                }
                i += size;
                run++;
                out.append(markers.get(run));
              }
              return out.toString();
            });
  }

  /** The password percent-encoded, as a careful user would write it into a URL. */
  public static String encoded(String password) {
    return URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Endpoints that hide a password where URLs carry secrets: as the password or the user of the
   * user information (raw and percent-encoded), in a query, in a fragment.
   */
  public static List<String> endpointsHiding(String password) {
    String user = "αdminβ";
    List<String> out = new ArrayList<>();
    out.add("http://" + user + ":" + password + "@minio.example:9000/bucket");
    out.add("https://" + password + "@minio.example");
    out.add("http://" + user + ":" + encoded(password) + "@minio.example:9000");
    out.add("HTTP://minio.example/path?key=" + password);
    out.add("http://minio.example/path?key=" + encoded(password) + "&x=1");
    out.add("http://minio.example#" + password);
    out.add("http://minio.example/p?" + password + "#" + password);
    return Collections.unmodifiableList(out);
  }

  /**
   * The first piece of a password found in an output: any marker, or any {@value #WINDOW}-window of
   * the password or of its percent-encoded form. The output is searched as printed and with the
   * escapes the library uses ({@code \"}, {@code \\}, {@code \\uXXXX}) undone.
   *
   * @param output what was printed
   * @param password the password
   * @return the leaked piece, or empty
   */
  public static Optional<String> leak(String output, String password) {
    for (String text : List.of(output, unescape(output))) {
      for (int i = 0; i < text.length(); i++) {
        if (MARKERS.indexOf(text.charAt(i)) >= 0) {
          return Optional.of(String.valueOf(text.charAt(i)));
        }
      }
      for (String secret : List.of(password, encoded(password))) {
        for (int i = 0; i + WINDOW <= secret.length(); i++) {
          String window = secret.substring(i, i + WINDOW);
          if (text.contains(window)) {
            return Optional.of(window);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Undoes {@code \"}, {@code \\} and {@code \\uXXXX}. */
  static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(i + 1);
        if (next == 'u' && i + 5 < text.length()) {
          try {
            out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
            i += 5;
            continue;
          } catch (NumberFormatException e) {
            // not an escape
          }
        }
        out.append(next);
        i++;
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }
}
