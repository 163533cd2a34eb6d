package com.critmin.sourcing.durability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same races against the packaged jar. */
@QuarkusIntegrationTest
class ConcurrentWritesIT extends ConcurrentWritesTest {}
