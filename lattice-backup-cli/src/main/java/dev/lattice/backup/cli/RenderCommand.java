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
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code render}: BackupStores in, Velero BackupStorageLocations out — all or nothing. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
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
  void checkOptions() {
    if (!output.equals("yaml") && !output.equals("json")) {
      throw new CommandLine.ParameterException(
          spec().commandLine(), "-o must be yaml or json, not '" + output + "'");
    }
  }

  @Override
  int report(Verdicts.Outcome outcome, PrintWriter out, PrintWriter err) {
    if (!outcome.errors().isEmpty()) {
      outcome.errors().forEach(l -> err.println(l.text()));
      err.println(outcome.errors().size() + " error(s): nothing rendered");
      return 1;
    }
    List<BackupStorageLocation> bsls = outcome.plan().locations();
    out.print(output.equals("json") ? jsonList(bsls) : BslJson.toYaml(bsls));
    out.flush();
    credentialNotes(outcome, err);
    return 0;
  }

  private static String jsonList(List<BackupStorageLocation> bsls) {
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    ArrayNode items = list.putArray("items");
    bsls.forEach(b -> items.add(BslJson.toTree(b)));
    return list.toPrettyString() + "\n";
  }

  private static void credentialNotes(Verdicts.Outcome outcome, PrintWriter err) {
    outcome
        .plan()
        .results()
        .forEach(
            (StoreKey key, TranslationResult r) -> {
              if (!(r instanceof TranslationResult.Translated t)) {
                return;
              }
              if (t.mirror().isPresent()) {
                err.println("credentials: " + key + ": " + t.mirror().get() + " before applying");
              } else if (t.bsl().spec().credential().isPresent()) {
                var ref = t.bsl().spec().credential().get();
                err.println(
                    "credentials: "
                        + key
                        + ": Secret "
                        + t.bsl().metadata().namespace().orElse("")
                        + "/"
                        + ref.name()
                        + " must hold key \""
                        + ref.key()
                        + "\"");
              } else {
                err.println(
                    "credentials: "
                        + key
                        + ": none named: Velero's default credentials (e.g. workload identity) are used");
              }
            });
  }
}
