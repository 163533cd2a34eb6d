package com.critmin.sourcing.error;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged jar. */
@QuarkusIntegrationTest
class RequestProblemsIT extends RequestProblemsTest {}
