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
package dev.lattice.backup.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules, checked on the compiled main code of every module: the model stands alone, the
 * translation engine does no I/O, reads no clock and logs nothing, and the reconcile ports speak no
 * fabric8 client type. The layers inside lattice-backup-fabric8 (its adapters never use its
 * controller runtime) are checked by that module's {@code Fabric8LayerRulesTest}: this module's
 * tests cannot see the modules built on it.
 */
class LayerRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
            .importPackages("dev.lattice.backup");
  }

  @Test
  void theModelDependsOnNoHigherLayer() {
    noClasses()
        .that()
        .resideInAPackage("dev.lattice.backup.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.lattice.backup.translate..", "dev.lattice.backup.reconcile..")
        .check(classes);
  }

  @Test
  void translationDependsOnNoReconcileCode() {
    noClasses()
        .that()
        .resideInAPackage("dev.lattice.backup.translate..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.lattice.backup.reconcile..")
        .allowEmptyShould(true)
        .check(classes);
  }

  /** The translation engine's purity: no I/O, no clock, no logging, no client. */
  static final ArchRule TRANSLATION_IS_PURE =
      noClasses()
          .that()
          .resideInAPackage("dev.lattice.backup.translate..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.io..",
              "java.nio.file..",
              "java.nio.channels..",
              "java.net.http..",
              "java.util.logging..",
              "org.slf4j..",
              "io.fabric8.kubernetes.client..",
              "dev.lattice.backup.model.io..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.time.Clock")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(System.class, "nanoTime")
          .orShould()
          .callMethod(java.time.Instant.class, "now")
          .orShould()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .allowEmptyShould(true);

  @Test
  void translationDoesNoIoReadsNoClockAndLogsNothing() {
    TRANSLATION_IS_PURE.check(classes);
  }

  @Test
  void theRuleCatchesAnImpureTranslator() {
    JavaClasses impure =
        new ClassFileImporter()
            .importClasses(dev.lattice.backup.translate.fixture.ImpureTranslator.class);

    EvaluationResult result = TRANSLATION_IS_PURE.evaluate(impure);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("Instant.now()"))
        .anyMatch(d -> d.contains("System.out"))
        .anyMatch(d -> d.contains("java.nio.file.Files"));
  }

  /**
   * Endpoint validation and the trust policy judge the text of an endpoint and never resolve it: a
   * lookup would be I/O, would answer differently for Velero's pod, and could be steered by whoever
   * controls the name. No class of the model or the translation engine touches the JDK's resolver,
   * sockets or {@code java.net.URL} (whose {@code equals} resolves).
   */
  static final ArchRule NOTHING_IS_RESOLVED =
      noClasses()
          .that()
          .resideInAnyPackage("dev.lattice.backup.model..", "dev.lattice.backup.translate..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.InetAddress")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.InetSocketAddress")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.Socket")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.URL")
          .allowEmptyShould(true);

  @Test
  void endpointValidationResolvesNothing() {
    NOTHING_IS_RESOLVED.check(classes);
  }

  @Test
  void theRuleCatchesAResolvingValidator() {
    JavaClasses resolving =
        new ClassFileImporter()
            .importClasses(dev.lattice.backup.translate.fixture.ResolvingValidator.class);

    EvaluationResult result = NOTHING_IS_RESOLVED.evaluate(resolving);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("InetAddress.getByName"));
  }

  /** The planner is as pure as the translation engine. */
  static final ArchRule PLANNING_IS_PURE =
      noClasses()
          .that()
          .resideInAPackage("dev.lattice.backup.reconcile.plan..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.io..",
              "java.nio.file..",
              "java.util.logging..",
              "org.slf4j..",
              "io.fabric8.kubernetes.client..",
              "dev.lattice.backup.junit.memory..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.time.Clock")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.lattice.backup.reconcile.Reconciler")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(java.time.Instant.class, "now");

  @Test
  void planningDoesNoIoReadsNoClockAndLogsNothing() {
    PLANNING_IS_PURE.check(classes);
  }

  @Test
  void thePlanningRuleCatchesAnImpurePlanner() {
    JavaClasses impure =
        new ClassFileImporter()
            .importClasses(dev.lattice.backup.reconcile.plan.fixture.ImpurePlanner.class);

    EvaluationResult result = PLANNING_IS_PURE.evaluate(impure);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("java.time.Clock"))
        .anyMatch(d -> d.contains("org.slf4j.LoggerFactory"));
  }

  @Test
  void portsDependOnNothingButValues() {
    noClasses()
        .that()
        .resideInAPackage("dev.lattice.backup.reconcile.port..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.lattice.backup.reconcile.plan..",
            "dev.lattice.backup.junit.memory..",
            "org.slf4j..")
        .check(classes);
  }

  @Test
  void reconcilePortsLeakNoFabric8ClientType() {
    noClasses()
        .that()
        .resideInAPackage("dev.lattice.backup.reconcile.port..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.fabric8.kubernetes.client..")
        .allowEmptyShould(true)
        .check(classes);
  }
}
