package com.critmin.sourcing.material;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged jar. */
@QuarkusIntegrationTest
class MaterialResourceIT extends MaterialResourceTest {}
