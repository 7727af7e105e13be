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

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lattice.backup.model.crd.BackupStoreCrd;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code lattice-backup crd}, in-process. */
class CrdCommandTest {
  @Test
  void crdPrintsTheModelsManifestExactlyAndNothingElse() {
    Cli r = Cli.run("crd");

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(BackupStoreCrd.yaml()).endsWith("\n");
  }

  @Test
  void whatItPrintsIsTheBackupStoreCustomResourceDefinition() throws IOException {
    CustomResourceDefinition crd =
        new YAMLMapper().readValue(Cli.run("crd").out(), CustomResourceDefinition.class);

    assertThat(crd.getApiVersion()).isEqualTo("apiextensions.k8s.io/v1");
    assertThat(crd.getKind()).isEqualTo("CustomResourceDefinition");
    assertThat(crd.getMetadata().getName()).isEqualTo("backupstores.lattice.dev");
    assertThat(crd.getSpec().getGroup()).isEqualTo("lattice.dev");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("BackupStore");
    assertThat(crd.getSpec().getNames().getListKind()).isEqualTo("BackupStoreList");
    assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("backupstores");
    assertThat(crd.getSpec().getNames().getSingular()).isEqualTo("backupstore");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("bstore");
    assertThat(crd.getSpec().getVersions()).hasSize(1);
    CustomResourceDefinitionVersion v1alpha1 = crd.getSpec().getVersions().get(0);
    assertThat(v1alpha1.getName()).isEqualTo("v1alpha1");
    assertThat(v1alpha1.getServed()).isTrue();
    assertThat(v1alpha1.getStorage()).isTrue();
    assertThat(v1alpha1.getSubresources().getStatus()).isNotNull();
    assertThat(v1alpha1.getAdditionalPrinterColumns())
        .extracting(c -> c.getName())
        .containsExactly("Default", "Provider", "BSL", "Phase", "Reason", "Message", "Age");
    assertThat(crd.getSpec().getNames().getCategories()).containsExactly("lattice", "backup");
    JSONSchemaProps storage =
        v1alpha1
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("spec")
            .getProperties()
            .get("storage");
    assertThat(storage.getRequired()).containsExactly("provider");
    assertThat(storage.getXKubernetesValidations())
        .anySatisfy(
            rule ->
                assertThat(rule.getMessage())
                    .isEqualTo(
                        "may not set both cloudProviderRef and credentialsSecretRef: choose one"
                            + " credential source"));
  }

  @Test
  void crdHelpShowsHowToInstallIt() {
    Cli r = Cli.run("crd", "--help");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: lattice-backup crd").contains("kubectl apply -f -");
  }

  @Test
  void crdTakesNoArguments() {
    Cli r = Cli.run("crd", "extra.yaml");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("extra.yaml");
  }

  @Test
  void withoutACommandTheToolNamesAllFour() {
    Cli r = Cli.run();

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("a command is required: render, validate, crd or admission-policy");
  }
}
