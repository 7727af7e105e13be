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
