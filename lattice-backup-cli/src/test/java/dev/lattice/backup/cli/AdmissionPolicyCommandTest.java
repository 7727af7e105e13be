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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lattice.backup.translate.EndpointPolicy;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TrustPolicy;
import dev.lattice.backup.translate.internal.trust.TrustAdmissionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code lattice-backup admission-policy}, in-process: the same trust options as render and
 * validate, and deploy/admission-policy.yaml is its output for the defaults.
 */
class AdmissionPolicyCommandTest {
  private static final Path DEPLOY = Path.of("..", "deploy", "admission-policy.yaml");

  private static List<JsonNode> documents(String yaml) throws IOException {
    ObjectMapper mapper = new YAMLMapper();
    try (var parser = new YAMLFactory().createParser(yaml)) {
      return mapper.readValues(parser, JsonNode.class).readAll();
    }
  }

  @Test
  void withoutOptionsItPrintsTheDeployedManifestForTheDefaults() throws IOException {
    Cli r = Cli.run("admission-policy");

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(TrustAdmissionPolicy.yaml(TranslationOptions.defaults()));
    assertThat(Files.readString(DEPLOY)).as("deploy/admission-policy.yaml").isEqualTo(r.out());
  }

  @Test
  void itPrintsThePolicyItsBindingAndTheParametersOfTheOptionsGiven() throws IOException {
    Cli r =
        Cli.run(
            "admission-policy",
            "--platform-namespace",
            "ops",
            "--velero-namespace",
            "backup",
            "--trusted-namespace",
            "infra",
            "--default-credentials",
            "infra",
            "--tenant-cloud-providers",
            "--allow-endpoint",
            "*.s3.Example.com.",
            "--allow-endpoint",
            "10.20.0.0/16",
            "--deny-endpoint",
            "[2001:db8::7]",
            "--cluster-domain",
            "corp.internal");

    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> docs = documents(r.out());
    assertThat(docs)
        .extracting(d -> d.path("kind").asText() + " " + d.path("metadata").path("name").asText())
        .containsExactly(
            "ValidatingAdmissionPolicy backupstores.lattice.dev",
            "ValidatingAdmissionPolicyBinding backupstores.lattice.dev",
            "ConfigMap lattice-backup-trust-policy");
    assertThat(docs.get(1).at("/spec/paramRef/namespace").asText()).isEqualTo("ops");
    assertThat(docs.get(1).at("/spec/paramRef/parameterNotFoundAction").asText()).isEqualTo("Deny");
    assertThat(docs.get(2).at("/metadata/namespace").asText()).isEqualTo("ops");
    JsonNode data = docs.get(2).path("data");
    assertThat(data.path("platformNamespace").asText()).isEqualTo("ops");
    assertThat(data.path("veleroNamespace").asText()).isEqualTo("backup");
    assertThat(data.path("platformNamespaces").asText()).isEqualTo("infra");
    assertThat(data.path("defaultCredentialNamespaces").asText()).isEqualTo("infra");
    assertThat(data.path("tenantCloudProviders").asText()).isEqualTo("true");
    assertThat(data.path("tenantEndpointAllow").asText())
        .isEqualTo("*.s3.example.com,10.20.0.0/16");
    assertThat(data.path("tenantEndpointDeny").asText()).isEqualTo("2001:db8::7/128");
    assertThat(data.path("clusterDomain").asText()).isEqualTo("corp.internal");
  }

  @Test
  void theParametersAreTheTranslationOptionsAsTheRulesReadThem() {
    TranslationOptions options =
        TranslationOptions.defaults().toBuilder()
            .trust(
                TrustPolicy.defaults()
                    .withPlatformNamespaces(Set.of("b-ops", "a-ops"))
                    .withTenantEndpoints(
                        EndpointPolicy.defaults()
                            .withDeny(List.of("192.0.2.7", "minio.Corp.example.", "fd00::/8"))))
            .build();

    assertThat(TrustAdmissionPolicy.parameters(options))
        .containsExactly(
            java.util.Map.entry("platformNamespace", "lattice-system"),
            java.util.Map.entry("veleroNamespace", "velero"),
            java.util.Map.entry("platformNamespaces", "a-ops,b-ops"),
            java.util.Map.entry("defaultCredentialNamespaces", ""),
            java.util.Map.entry("tenantCloudProviders", "false"),
            java.util.Map.entry("tenantEndpointAllow", ""),
            java.util.Map.entry("tenantEndpointDeny", "192.0.2.7/32,minio.corp.example,fd00::/8"),
            java.util.Map.entry("clusterDomain", "cluster.local"));
  }

  @Test
  void anUnusableOptionIsAUsageErrorAndNothingIsPrinted() {
    Cli r = Cli.run("admission-policy", "--deny-endpoint", "not a host");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("deny").contains("neither a CIDR block");
  }
}
