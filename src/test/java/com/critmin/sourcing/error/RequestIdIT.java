package com.critmin.sourcing.error;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged jar. */
@QuarkusIntegrationTest
class RequestIdIT extends RequestIdTest {}
