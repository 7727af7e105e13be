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

import dev.lattice.backup.translate.EndpointPolicy;
import dev.lattice.backup.translate.ProviderNaming;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TrustPolicy;
import picocli.CommandLine;

/**
 * The options that say what the platform trusts (its namespaces, Velero's, and the tenant rules),
 * shared by render, validate and admission-policy, so that all three judge a store alike.
 */
final class TrustOptions {
  @CommandLine.Option(
      names = "--velero-namespace",
      defaultValue = "velero",
      description = "Velero's namespace (default: ${DEFAULT-VALUE}).")
  String veleroNamespace = "velero";

  @CommandLine.Option(
      names = "--platform-namespace",
      defaultValue = "lattice-system",
      description = "The platform namespace (default: ${DEFAULT-VALUE}).")
  String platformNamespace = "lattice-system";

  @CommandLine.Option(
      names = "--trusted-namespace",
      paramLabel = "NAMESPACE",
      description =
          "Another namespace whose stores are platform stores, like the platform namespace's"
              + " (repeatable). Every other namespace is a tenant's.")
  java.util.List<String> trustedNamespaces = new java.util.ArrayList<>();

  @CommandLine.Option(
      names = "--default-credentials",
      paramLabel = "NAMESPACE",
      description =
          "A platform namespace whose stores may name no credentials, so that Velero uses its"
              + " own (repeatable). Tenant stores must always name theirs.")
  java.util.List<String> defaultCredentials = new java.util.ArrayList<>();

  @CommandLine.Option(
      names = "--allow-endpoint",
      paramLabel = "ENTRY",
      description =
          "A CIDR block, address, host name or *.domain tenant endpoints may use (repeatable);"
              + " with any, tenants may use nothing else.")
  java.util.List<String> allowEndpoints = new java.util.ArrayList<>();

  @CommandLine.Option(
      names = "--deny-endpoint",
      paramLabel = "ENTRY",
      description =
          "A CIDR block, address, host name or *.domain tenant endpoints may not use"
              + " (repeatable).")
  java.util.List<String> denyEndpoints = new java.util.ArrayList<>();

  @CommandLine.Option(
      names = "--cluster-domain",
      defaultValue = "cluster.local",
      description = "The cluster's DNS domain, for in-cluster names (default: ${DEFAULT-VALUE}).")
  String clusterDomain = "cluster.local";

  @CommandLine.Option(
      names = "--tenant-cloud-providers",
      description = "Let tenant stores use cloudProviderRef (the platform's credentials).")
  boolean tenantCloudProviders;

  /** The translation options these say, with the given plugin naming. */
  TranslationOptions options(ProviderNaming naming) throws UsageProblem {
    try {
      TrustPolicy trust =
          TrustPolicy.defaults()
              .withPlatformNamespaces(java.util.Set.copyOf(trustedNamespaces))
              .withDefaultCredentialNamespaces(java.util.Set.copyOf(defaultCredentials))
              .withTenantCloudProviders(tenantCloudProviders)
              .withTenantEndpoints(
                  new EndpointPolicy(allowEndpoints, denyEndpoints, clusterDomain));
      return TranslationOptions.defaults().toBuilder()
          .veleroNamespace(veleroNamespace)
          .platformNamespace(platformNamespace)
          .providerNaming(naming)
          .trust(trust)
          .build();
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(String.valueOf(e.getMessage()));
    }
  }
}
