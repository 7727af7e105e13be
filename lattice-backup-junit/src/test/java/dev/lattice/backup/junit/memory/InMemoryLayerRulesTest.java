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
package dev.lattice.backup.junit.memory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The in-memory cluster is an adapter of the reconcile ports and nothing more: it never reaches
 * into the planner or the reconciler (so a test against it proves the reconciler, not a copy of its
 * rules), and it logs nothing.
 */
class InMemoryLayerRulesTest {
  private static final JavaClasses MEMORY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lattice.backup.junit.memory");

  @Test
  void theInMemoryAdapterUsesOnlyThePorts() {
    noClasses()
        .that()
        .resideInAPackage("dev.lattice.backup.junit.memory..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.lattice.backup.reconcile.plan..", "org.slf4j..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.lattice.backup.reconcile.Reconciler")
        .check(MEMORY);
  }
}
