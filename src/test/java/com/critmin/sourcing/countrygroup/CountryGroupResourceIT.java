package com.critmin.sourcing.countrygroup;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged jar. */
@QuarkusIntegrationTest
class CountryGroupResourceIT extends CountryGroupResourceTest {}
