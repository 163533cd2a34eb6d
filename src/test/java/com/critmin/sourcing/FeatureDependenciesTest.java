package com.critmin.sourcing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Features depend on each other in one direction only, so each can be changed, tested and read
 * without the ones that use it: a feature that must know who uses it owns a small interface that
 * they implement (MaterialUsage, SupplierUsage, CountryGroupUsage).
 */
@AnalyzeClasses(
    packages = "com.critmin.sourcing",
    importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureDependenciesTest {

  @ArchTest
  static final ArchRule noCyclesBetweenFeatures =
      slices().matching("com.critmin.sourcing.(*)..").should().beFreeOfCycles();
}
