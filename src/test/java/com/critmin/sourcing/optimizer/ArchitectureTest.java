package com.critmin.sourcing.optimizer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The optimizer core stays framework-free so it runs and benchmarks from a plain main. */
@AnalyzeClasses(
    packages = "com.critmin.sourcing.optimizer",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule optimizerDependsOnlyOnJavaAndOrTools =
      classes()
          .that()
          .resideInAPackage("com.critmin.sourcing.optimizer..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "com.google.ortools..", "com.critmin.sourcing.optimizer..");

  @ArchTest
  static final ArchRule onlyOrToolsPackageTouchesMpSolver =
      noClasses()
          .that()
          .resideInAPackage("com.critmin.sourcing.optimizer..")
          .and()
          .resideOutsideOfPackage("com.critmin.sourcing.optimizer.ortools..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.google.ortools..");
}
