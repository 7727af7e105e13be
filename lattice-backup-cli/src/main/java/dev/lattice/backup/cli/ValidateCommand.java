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

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code validate}: every error of every store in PATH, one line each. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = Main.EXIT_CODES_HEADING,
    exitCodeList = {Main.EXIT_OK, Main.EXIT_INVALID, Main.EXIT_NOT_A_VERDICT, Main.EXIT_NO_STORES},
    description = {
      "Check every BackupStore in PATH: exit 0 when all are valid (a summary on stdout),",
      "1 with one line per error on stderr (FILE:LINE: NAMESPACE/NAME: FIELD.PATH: message)",
      "when any is not."
    },
    footer = {
      "",
      "Examples:",
      "  lattice-backup validate examples/",
      "  lattice-backup validate - < store.yaml"
    })
final class ValidateCommand extends Main.Shared {
  @Override
  int report(Verdicts.Outcome outcome, PrintWriter out, PrintWriter err) {
    if (!outcome.errors().isEmpty()) {
      outcome.errors().forEach(l -> err.println(l.text()));
      err.println(outcome.errors().size() + " error(s)");
      return Main.INVALID;
    }
    out.println(outcome.plan().results().size() + " BackupStore(s) valid");
    return Main.OK;
  }
}
