package com.critmin.sourcing.stage;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged jar. */
@QuarkusIntegrationTest
class StageResourceIT extends StageResourceTest {}
