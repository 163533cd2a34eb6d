package com.critmin.sourcing;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same races against the packaged jar. */
@QuarkusIntegrationTest
class ReferenceRaceIT extends ReferenceRaceTest {}
