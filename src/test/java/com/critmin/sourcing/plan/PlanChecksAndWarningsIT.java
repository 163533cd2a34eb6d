package com.critmin.sourcing.plan;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged jar. */
@QuarkusIntegrationTest
class PlanChecksAndWarningsIT extends PlanChecksAndWarningsTest {}
