package com.critmin.sourcing.plan;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The plan API tests again, against the packaged jar. */
@QuarkusIntegrationTest
class AllocationPlanResourceIT extends AllocationPlanResourceTest {}
