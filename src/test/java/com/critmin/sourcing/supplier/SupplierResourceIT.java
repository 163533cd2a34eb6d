package com.critmin.sourcing.supplier;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged jar. */
@QuarkusIntegrationTest
class SupplierResourceIT extends SupplierResourceTest {}
