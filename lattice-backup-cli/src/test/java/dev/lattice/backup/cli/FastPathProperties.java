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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import picocli.CommandLine;

/**
 * {@link FastPath} parses a command line only where picocli would set the same fields to the same
 * values; everything else it leaves to picocli.
 */
class FastPathProperties {
  private static final List<String> VALUE_OPTIONS =
      List.of(
          "--velero-namespace",
          "--platform-namespace",
          "--namespace",
          "--provider-names",
          "--trusted-namespace",
          "--default-credentials",
          "--allow-endpoint",
          "--deny-endpoint",
          "--cluster-domain",
          "--output",
          "-o");

  private static final List<String> VALUES =
      List.of(
          "backup",
          "velero",
          "qualified",
          "short",
          "odd",
          "json",
          "yaml",
          "xml",
          "10.0.0.0/8",
          "*.example.com",
          "a=b",
          "x y",
          "render",
          "validate",
          "crd",
          "examples/");

  /** Values picocli may read differently from a plain value: the fast path leaves them to it. */
  private static final List<String> TRICKY_VALUES =
      List.of("-", "--", "-o", "--debug", "--help", "@args.txt", "");

  private static final List<String> OTHERS =
      List.of(
          "examples/",
          "a.yaml",
          "-",
          "render",
          "crd",
          "--",
          "--debug",
          "--allow-empty",
          "--debug=true",
          "--help",
          "-h",
          "-V",
          "--version",
          "-ojson",
          "-o=json",
          "--unknown",
          "-x",
          "=",
          "--=x",
          "@args.txt",
          "x@y");

  /** One argument or an option with its value, as one or two words. */
  @Provide
  Arbitrary<List<String>> commandLines() {
    Arbitrary<List<String>> valueOption =
        Combinators.combine(
                Arbitraries.of(VALUE_OPTIONS),
                Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(6, Arbitraries.of(VALUES)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.of(TRICKY_VALUES))),
                Arbitraries.of(true, false))
            .as(
                (option, value, attached) ->
                    attached && option.startsWith("--")
                        ? List.of(option + "=" + value)
                        : List.of(option, value));
    Arbitrary<List<String>> other = Arbitraries.of(OTHERS).map(List::of);
    Arbitrary<List<String>> path = Arbitraries.of("examples/", "stores.yaml", "-").map(List::of);
    Arbitrary<List<String>> word =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, valueOption),
            net.jqwik.api.Tuple.of(4, path),
            net.jqwik.api.Tuple.of(1, other));
    return Combinators.combine(
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of("render", "validate")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("crd", "--help", "--debug", "examples/"))),
            word.list().ofMaxSize(5))
        .as(
            (first, words) -> {
              List<String> line = new ArrayList<>();
              line.add(first);
              words.forEach(line::addAll);
              return line;
            });
  }

  @Property(tries = 3000)
  void theFastPathSetsWhatPicocliSets(@ForAll("commandLines") List<String> line) {
    String[] args = line.toArray(String[]::new);
    Optional<Main.Shared> fast = FastPath.parse(args);
    Statistics.label("fast path").collect(fast.isPresent());
    Statistics.label("fast path").coverage(c -> c.check(true).percentage(p -> p > 20));
    if (fast.isEmpty()) {
      return;
    }
    CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args);
    assertThat(parsed.subcommand()).as("picocli ran a subcommand").isNotNull();
    Object picocli = parsed.subcommand().commandSpec().userObject();
    assertThat(Fields.of(fast.get())).isEqualTo(Fields.of((Main.Shared) picocli));
  }

  @Example
  void readmesCommandsTakeTheFastPath() {
    for (String[] args :
        List.of(
            new String[] {"render", "examples/"},
            new String[] {"validate", "examples/", "other.yaml"},
            new String[] {"render", "-o", "json", "--velero-namespace", "backup", "-"},
            new String[] {
              "render", "--trusted-namespace=ops", "--allow-endpoint", "10.0.0.0/8", "s.yaml"
            })) {
      assertThat(FastPath.parse(args)).as(String.join(" ", args)).isPresent();
    }
  }

  @Example
  void helpVersionCrdAndUsageErrorsGoToPicocli() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"render"},
            new String[] {"crd"},
            new String[] {"render", "--help"},
            new String[] {"--version"},
            new String[] {"render", "--namespace"},
            new String[] {"render", "--namespace", "a", "--namespace", "b", "x"},
            new String[] {"validate", "-o", "json", "x"},
            new String[] {"render", "@args.txt"},
            new String[] {"render", "--", "x"},
            new String[] {"render", "-ojson", "x"})) {
      assertThat(FastPath.parse(args)).as(String.join(" ", args)).isEmpty();
    }
  }

  /** The options of a parsed command, comparable. */
  record Fields(
      String command,
      String veleroNamespace,
      String platformNamespace,
      Optional<String> namespace,
      String providerNames,
      List<String> trustedNamespaces,
      List<String> defaultCredentials,
      List<String> allowEndpoints,
      List<String> denyEndpoints,
      String clusterDomain,
      boolean debug,
      boolean allowEmpty,
      List<String> paths,
      Optional<String> output) {
    static Fields of(Main.Shared c) {
      return new Fields(
          c.getClass().getSimpleName(),
          c.trust.veleroNamespace,
          c.trust.platformNamespace,
          Optional.ofNullable(c.namespace),
          c.providerNames,
          List.copyOf(c.trust.trustedNamespaces),
          List.copyOf(c.trust.defaultCredentials),
          List.copyOf(c.trust.allowEndpoints),
          List.copyOf(c.trust.denyEndpoints),
          c.trust.clusterDomain,
          c.debug,
          c.allowEmpty,
          List.copyOf(c.paths),
          c instanceof RenderCommand r ? Optional.of(r.output) : Optional.empty());
    }
  }
}
