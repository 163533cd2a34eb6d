package com.critmin.sourcing.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged jar. */
@QuarkusIntegrationTest
class SecurityIT extends SecurityTest {}
