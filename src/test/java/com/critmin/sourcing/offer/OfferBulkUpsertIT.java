package com.critmin.sourcing.offer;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged jar. */
@QuarkusIntegrationTest
class OfferBulkUpsertIT extends OfferBulkUpsertTest {}
