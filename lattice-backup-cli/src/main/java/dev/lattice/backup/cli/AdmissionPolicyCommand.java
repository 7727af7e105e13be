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

import dev.lattice.backup.translate.ProviderNaming;
import dev.lattice.backup.translate.internal.trust.TrustAdmissionPolicy;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code admission-policy}: prints the ValidatingAdmissionPolicy, its binding and its parameter
 * ConfigMap that enforce the trust policy when a BackupStore is written ({@link
 * TrustAdmissionPolicy}), for the same trust options render and validate take.
 */
@Command(
    name = "admission-policy",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = Main.EXIT_CODES_HEADING,
    exitCodeList = {Main.EXIT_OK, "2:usage error"},
    description = {
      "Print the ValidatingAdmissionPolicy that refuses, at kubectl apply, the BackupStores that",
      "render and validate refuse for their namespace (tenant credentials, CloudProvider",
      "references, tenant endpoints, Velero's namespace), with its binding and the ConfigMap",
      "holding these options. Needs Kubernetes 1.30 or newer; no webhook."
    },
    footer = {
      "",
      "Examples:",
      "  lattice-backup admission-policy | kubectl apply -f -",
      "  lattice-backup admission-policy --trusted-namespace ops --deny-endpoint 10.0.0.0/8"
    })
final class AdmissionPolicyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

  @CommandLine.Mixin TrustOptions trust = new TrustOptions();

  @Override
  public Integer call() {
    CommandLine line = Objects.requireNonNull(spec).commandLine();
    String yaml;
    try {
      yaml = TrustAdmissionPolicy.yaml(trust.options(ProviderNaming.SHORT));
    } catch (UsageProblem e) {
      throw new CommandLine.ParameterException(line, e.getMessage());
    }
    PrintWriter out = line.getOut();
    out.print(yaml);
    out.flush();
    return 0;
  }
}
