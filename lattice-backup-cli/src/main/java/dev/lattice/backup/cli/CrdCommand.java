package dev.lattice.backup.cli;

import dev.lattice.backup.model.crd.BackupStoreCrd;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code crd}: prints the BackupStore CustomResourceDefinition that the model describes. */
@Command(
    name = "crd",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = Main.EXIT_CODES_HEADING,
    exitCodeList = {Main.EXIT_OK, "2:usage error"},
    description = {
      "Print the BackupStore CustomResourceDefinition (backupstores.lattice.dev) as YAML:",
      "its schema and CEL validation rules match what validate and render accept."
    },
    footer = {
      "",
      "Examples:",
      "  lattice-backup crd | kubectl apply -f -",
      "  lattice-backup crd > backupstores.lattice.dev.yaml"
    })
final class CrdCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
    out.print(BackupStoreCrd.yaml());
    out.flush();
    return 0;
  }
}
