package dev.lattice.backup.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code validate}: every error of every store in PATH, one line each. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check every BackupStore in PATH: exit 0 when all are valid, 1 with one line per error",
      "(FILE:LINE: NAMESPACE/NAME: FIELD.PATH: message) when any is not."
    },
    footer = {
      "",
      "Examples:",
      "  lattice-backup validate examples/",
      "  lattice-backup validate - < store.yaml"
    })
final class ValidateCommand extends Main.Shared implements Callable<Integer> {
  @Override
  public Integer call() {
    PrintWriter out = spec().commandLine().getOut();
    PrintWriter err = spec().commandLine().getErr();
    Verdicts.Outcome outcome;
    try {
      outcome = judge(err);
    } catch (InputProblem e) {
      return fail(err, e);
    }
    if (!outcome.errors().isEmpty()) {
      outcome.errors().forEach(l -> out.println(l.text()));
      return 1;
    }
    out.println(outcome.plan().results().size() + " BackupStore(s) valid");
    return 0;
  }
}
