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
package dev.lattice.backup.fabric8.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.lattice.backup.fabric8.adapter.fixture.UpwardAdapter;
import dev.lattice.backup.fabric8.adapter.internal.fixture.FacadeReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fabric8 module's layers, checked on its compiled main code (the layer rules of the modules
 * below are in lattice-backup-reconcile's {@code LayerRulesTest}, which cannot see this module):
 * dependencies point downward only, from the controller runtime ({@code fabric8.runtime}) to the
 * adapter's public package ({@code fabric8.adapter}) to the adapters themselves ({@code
 * fabric8.adapter.internal}).
 */
class Fabric8LayerRulesTest {
  private static final String RUNTIME = "dev.lattice.backup.fabric8.runtime..";
  private static final String ADAPTER = "dev.lattice.backup.fabric8.adapter..";
  private static final String ADAPTER_API = "dev.lattice.backup.fabric8.adapter";
  private static final String ADAPTER_INTERNAL = "dev.lattice.backup.fabric8.adapter.internal..";

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lattice.backup.fabric8");
  }

  /** The adapters, public package and internals alike, never use the controller runtime. */
  static final ArchRule ADAPTERS_NEVER_USE_THE_RUNTIME =
      noClasses()
          .that()
          .resideInAPackage(ADAPTER)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(RUNTIME);

  /** The adapters' internals never use the public package built on them. */
  static final ArchRule INTERNALS_NEVER_USE_THE_ADAPTER_API =
      noClasses()
          .that()
          .resideInAPackage(ADAPTER_INTERNAL)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ADAPTER_API);

  @Test
  void theMainCodeHasTheThreeLayers() {
    assertThat(classes.that(resideInAPackage(RUNTIME))).isNotEmpty();
    assertThat(classes.that(resideInAPackage(ADAPTER_API))).isNotEmpty();
    assertThat(classes.that(resideInAPackage(ADAPTER_INTERNAL))).isNotEmpty();
  }

  @Test
  void adaptersNeverUseTheRuntime() {
    ADAPTERS_NEVER_USE_THE_RUNTIME.check(classes);
  }

  @Test
  void adapterInternalsNeverUseTheAdapterApi() {
    INTERNALS_NEVER_USE_THE_ADAPTER_API.check(classes);
  }

  @Test
  void theRuleCatchesAnAdapterThatReachesUp() {
    EvaluationResult result =
        ADAPTERS_NEVER_USE_THE_RUNTIME.evaluate(
            new ClassFileImporter().importClasses(UpwardAdapter.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("dev.lattice.backup.fabric8.runtime.ControllerListener"));
  }

  @Test
  void theRuleCatchesInternalsThatReadTheApi() {
    EvaluationResult result =
        INTERNALS_NEVER_USE_THE_ADAPTER_API.evaluate(
            new ClassFileImporter().importClasses(FacadeReader.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("dev.lattice.backup.fabric8.adapter.Resources"));
  }
}
