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

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.TranslationResult;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code render}: BackupStores in, Velero BackupStorageLocations out — all or nothing. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = Main.EXIT_CODES_HEADING,
    exitCodeList = {Main.EXIT_OK, Main.EXIT_INVALID, Main.EXIT_NOT_A_VERDICT, Main.EXIT_NO_STORES},
    description = {
      "Print the Velero BackupStorageLocations that the BackupStores in PATH become, sorted by name.",
      "If any store is invalid, nothing is printed on stdout: every error goes to stderr, exit 1.",
      "Credentials the cluster must provide are listed on stderr."
    },
    footer = {
      "",
      "Examples:",
      "  lattice-backup render examples/",
      "  cat stores.yaml | lattice-backup render -o json --velero-namespace backup -"
    })
final class RenderCommand extends Main.Shared {
  @CommandLine.Option(
      names = {"-o", "--output"},
      defaultValue = "yaml",
      description = "yaml (multi-document, default) or json (a v1 List).")
  String output = "yaml";

  @Override
  void checkOptions() throws UsageProblem {
    if (!output.equals("yaml") && !output.equals("json")) {
      throw new UsageProblem("-o must be yaml or json, not '" + output + "'");
    }
  }

  @Override
  int report(Verdicts.Outcome outcome, PrintWriter out, PrintWriter err) {
    if (!outcome.errors().isEmpty()) {
      outcome.errors().forEach(l -> err.println(l.text()));
      err.println(outcome.errors().size() + " error(s): nothing rendered");
      return Main.INVALID;
    }
    List<BackupStorageLocation> bsls = outcome.plan().locations();
    out.print(output.equals("json") ? jsonList(bsls) : yaml(bsls));
    out.flush();
    credentialNotes(outcome, err);
    return Main.OK;
  }

  /**
   * {@link BslJson#toYaml}, each half of a long list on its own thread: every location is written
   * on its own, so the two texts joined are the whole text.
   */
  static String yaml(List<BackupStorageLocation> bsls) {
    if (bsls.size() < SPLIT_MIN_LOCATIONS) {
      return BslJson.toYaml(bsls);
    }
    int half = bsls.size() / 2;
    CompletableFuture<String> second =
        CompletableFuture.supplyAsync(() -> BslJson.toYaml(bsls.subList(half, bsls.size())));
    String first = BslJson.toYaml(bsls.subList(0, half));
    return first + second.join();
  }

  /** Lists shorter than this are written on one thread. */
  static final int SPLIT_MIN_LOCATIONS = 512;

  private static String jsonList(List<BackupStorageLocation> bsls) {
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    ArrayNode items = list.putArray("items");
    bsls.forEach(b -> items.add(BslJson.toTree(b)));
    return list.toPrettyString() + "\n";
  }

  /** One line per store naming the credentials the cluster must provide; printed at once. */
  private static void credentialNotes(Verdicts.Outcome outcome, PrintWriter err) {
    String nl = System.lineSeparator();
    StringBuilder notes = new StringBuilder(outcome.plan().results().size() * 120);
    outcome
        .plan()
        .results()
        .forEach(
            (StoreKey key, TranslationResult r) -> {
              if (!(r instanceof TranslationResult.Translated t)) {
                return;
              }
              notes.append("credentials: ").append(key.namespace()).append('/').append(key.name());
              if (t.mirror().isPresent()) {
                notes.append(": ").append(t.mirror().get()).append(" before applying");
              } else if (t.bsl().spec().credential().isPresent()) {
                var ref = t.bsl().spec().credential().get();
                notes
                    .append(": Secret ")
                    .append(t.bsl().metadata().namespace().orElse(""))
                    .append('/')
                    .append(ref.name())
                    .append(" must hold key \"")
                    .append(ref.key())
                    .append('"');
              } else {
                notes.append(
                    ": none named: Velero's default credentials (e.g. workload identity) are used");
              }
              notes.append(nl);
            });
    err.print(notes);
    err.flush();
  }
}
