package com.critmin.sourcing.policy;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged jar. */
@QuarkusIntegrationTest
class PolicyPresetResourceIT extends PolicyPresetResourceTest {}
