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
package dev.lattice.backup.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lattice.backup.testing.fixtures.StoresYaml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The render benchmark: renders N stores (default 10,000) from one YAML text and, in the same run,
 * times a bare Jackson YAML parse of the same text, the floor any reader stands on. Prints the best
 * of several rounds of each and their ratio. Run with {@code scripts/bench render}.
 *
 * <p>In the CLI's package, though it lives in the benchmarks module, to call the CLI's
 * package-private in-process entry point ({@code Main.run}) as the CLI's own tests do; the
 * benchmarks run from one shaded jar on the class path, where the two halves of the package meet.
 */
final class RenderBenchmark {
  private RenderBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args the number of stores, optionally
   * @throws IOException never in practice: everything is in memory
   */
  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    String yaml = StoresYaml.of(n);
    YAMLMapper bare = new YAMLMapper(YAMLFactory.builder().loaderOptions(loader()).build());
    long parseBest = Long.MAX_VALUE;
    long renderBest = Long.MAX_VALUE;
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      int docs = 0;
      try (JsonParser p = bare.getFactory().createParser(yaml);
          MappingIterator<JsonNode> it = bare.readValues(p, JsonNode.class)) {
        while (it.hasNext()) {
          it.next();
          docs++;
        }
      }
      long t1 = System.nanoTime();
      StringWriter out = new StringWriter();
      int code =
          Main.run(
              new String[] {"render", "-"},
              new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
              new PrintWriter(out),
              new PrintWriter(new StringWriter()));
      long t2 = System.nanoTime();
      if (docs != n || code != 0) {
        throw new IllegalStateException(
            "benchmark input did not render: " + docs + " docs, exit " + code);
      }
      parseBest = Math.min(parseBest, t1 - t0);
      renderBest = Math.min(renderBest, t2 - t1);
    }
    System.out.printf(
        Locale.ROOT,
        "stores: %d (%d KiB of YAML), best of %d rounds%n"
            + "bare Jackson YAML parse: %8.1f ms%n"
            + "lattice-backup render:   %8.1f ms%n"
            + "ratio render/parse:      %8.2f%n",
        n,
        yaml.length() / 1024,
        rounds,
        parseBest / 1e6,
        renderBest / 1e6,
        (double) renderBest / parseBest);
  }

  private static org.yaml.snakeyaml.LoaderOptions loader() {
    org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
    o.setCodePointLimit(Integer.MAX_VALUE);
    return o;
  }
}
