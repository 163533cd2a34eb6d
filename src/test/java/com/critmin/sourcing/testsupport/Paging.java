package com.critmin.sourcing.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks a paged list by following nextCursor. */
public final class Paging {
  private static final int MAX_PAGES = 10_000;

  private Paging() {}

  /** Every id of the list, page by page, asserting no page exceeds the limit. */
  public static List<String> allIds(String path, int limit, Map<String, ?> filters) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      RequestSpecification request = Api.request().queryParam("limit", limit).queryParams(filters);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath body = request.get(path).then().statusCode(200).extract().jsonPath();
      List<String> pageIds = body.getList("items.id", String.class);
      assertThat(pageIds).hasSizeLessThanOrEqualTo(limit);
      ids.addAll(pageIds);
      cursor = body.getString("nextCursor");
      if (cursor == null) {
        return ids;
      }
      assertThat(pageIds).as("a page with a next cursor is full").hasSize(limit);
    }
    throw new AssertionError("more than " + MAX_PAGES + " pages at " + path);
  }

  public static List<String> allIds(String path, int limit) {
    return allIds(path, limit, Map.of());
  }
}
