package com.critmin.sourcing.analysis;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The frontier and stress-test API tests again, against the packaged jar (charts drawn headless).
 */
@QuarkusIntegrationTest
class AnalysisResourceIT extends AnalysisResourceTest {}
