package com.critmin.sourcing.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.hamcrest.Matcher;

/** REST Assured entry points and the assertions every API test shares. */
public final class Api {
  public static final String PROBLEM_JSON = "application/problem+json";
  public static final String PROBLEM_BASE = "https://sourcing.critmin.com/problems/";

  /** Decimals read back as double, so that 82.5 compares with 82.5. */
  public static final RestAssuredConfig CONFIG =
      RestAssuredConfig.config()
          .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

  private Api() {}

  /** A request with the test config and no body. */
  public static RequestSpecification request() {
    return given().config(CONFIG);
  }

  /** A request with a JSON body. */
  public static RequestSpecification json(Object body) {
    return request()
        .contentType(ContentType.JSON)
        .body(body instanceof JsonBody b ? b.json() : body);
  }

  /** An id no other test (or earlier run against the same database) uses. */
  public static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }

  /**
   * Asserts an RFC 9457 problem document of this status and type (the slug after the problem base
   * URI), with a title and detail, and nothing of the implementation in the body.
   */
  public static ValidatableResponse assertProblem(
      ValidatableResponse response, int status, String typeSlug) {
    return response
        .statusCode(status)
        .contentType(PROBLEM_JSON)
        .body("type", equalTo(PROBLEM_BASE + typeSlug))
        .body("title", not(blankOrNullString()))
        .body("status", equalTo(status))
        .body("detail", not(blankOrNullString()))
        .body(leaksNothing());
  }

  /** A body without a Java class or package name, exception name or stack frame. */
  public static Matcher<String> leaksNothing() {
    return allOf(
        notNullValue(String.class),
        not(containsString("java.")),
        not(containsString("jakarta.")),
        not(containsString("com.critmin")),
        not(containsString("org.")),
        not(containsString("Exception")),
        not(matchesPattern("(?s).*\\bat [\\w$.]+\\(.*")));
  }
}
