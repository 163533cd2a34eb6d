package com.critmin.sourcing.countrygroup;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.json;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.aCountryGroup;
import static com.critmin.sourcing.testsupport.Fixtures.aPolicy;
import static com.critmin.sourcing.testsupport.Fixtures.etagOf;
import static com.critmin.sourcing.testsupport.Fixtures.givenCountryGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.critmin.sourcing.testsupport.JsonBody;
import com.critmin.sourcing.testsupport.MasterDataContractTest;
import com.critmin.sourcing.testsupport.Paging;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Country groups: the master-data contract, and what is particular to groups. */
@QuarkusTest
class CountryGroupResourceTest extends MasterDataContractTest {
  private static final String GROUPS = "/v1/country-groups/";

  @Override
  protected String collection() {
    return GROUPS;
  }

  @Override
  protected JsonBody aBody(int variant) {
    return aCountryGroup()
        .with(
            "countries",
            List.of(List.of("JP", "AU"), List.of("US"), List.of("GB", "CA")).get(variant % 3));
  }

  @Override
  protected InvalidBody anInvalidBody() {
    return new InvalidBody(aCountryGroup().with("countries", List.of("AU", "XX")), "countries[1]");
  }

  @Test
  void putSortsTheCountries() {
    String id = uniqueId("allied");

    json(aCountryGroup())
        .put(GROUPS + id)
        .then()
        .statusCode(201)
        .header("Location", endsWith(GROUPS + id))
        .header("ETag", notNullValue())
        .body("countries", contains("AU", "CA", "JP"))
        .body("builtIn", equalTo(false));
    String etag =
        json(aCountryGroup().with("countries", List.of("US", "GB")))
            .put(GROUPS + id)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");

    request()
        .get(GROUPS + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(etag))
        .body("name", equalTo("Allied refiners"))
        .body("countries", contains("GB", "US"));
  }

  @Test
  void builtInGroupsAreReadable() {
    request()
        .get(GROUPS + "EU")
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("builtIn", equalTo(true))
        .body("countries", hasSize(27))
        .body("countries", hasItem("DE"));
    request()
        .get(GROUPS + "FEOC")
        .then()
        .statusCode(200)
        .body("countries", contains("CN", "IR", "KP", "RU"));
    request()
        .get(GROUPS + "MSP")
        .then()
        .statusCode(200)
        .body("countries", hasItem("US"))
        .body("countries", hasItem("FR"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"EU", "FEOC", "MSP"})
  void builtInGroupsAreReadOnly(String id) {
    assertProblem(json(aCountryGroup()).put(GROUPS + id).then(), 405, "read-only")
        .header("Allow", notNullValue());
    assertProblem(request().delete(GROUPS + id).then(), 405, "read-only")
        .header("Allow", notNullValue());
    assertProblem(
        json(aCountryGroup()).header("If-Match", etagOf(GROUPS + id)).put(GROUPS + id).then(),
        405,
        "read-only");

    request()
        .get(GROUPS + id)
        .then()
        .statusCode(200)
        .body("builtIn", equalTo(true))
        .body("name", notNullValue());
  }

  @Test
  void listPagesThroughBuiltInAndStoredGroupsOnce() {
    String prefix = uniqueId("page");
    List<String> mine = new ArrayList<>();
    for (String suffix : List.of("a", "b", "c", "d")) {
      json(aCountryGroup()).put(GROUPS + prefix + "-" + suffix).then().statusCode(201);
      mine.add(prefix + "-" + suffix);
    }

    for (int limit : List.of(1, 2, 3, 50)) {
      List<String> all = Paging.allIds("/v1/country-groups", limit);
      assertThat(all)
          .as("limit %d", limit)
          .doesNotHaveDuplicates()
          .containsSubsequence(mine)
          .contains("EU", "FEOC", "MSP");
    }
  }

  @Test
  void unknownCountriesAre422NamingTheEntryAndChangeNothing() {
    String id = givenCountryGroup();

    assertProblem(
            json(aCountryGroup().with("countries", List.of("AU", "XX"))).put(GROUPS + id).then(),
            422,
            "validation")
        .body("errors.field", hasItem("countries[1]"));
    assertProblem(
            json(aCountryGroup().with("countries", List.of("ZZ"))).put(GROUPS + id).then(),
            422,
            "validation")
        .body("errors.field", hasItem("countries[0]"));
    assertProblem(
            json(aCountryGroup().with("countries", List.of())).put(GROUPS + id).then(),
            422,
            "validation")
        .body("errors.field", hasItem("countries"));

    request().get(GROUPS + id).then().body("countries", contains("AU", "CA", "JP"));
  }

  @Test
  void deletingAGroupThatAPolicyUsesIs409AndKeepsIt() {
    String group = givenCountryGroup();
    usePolicyWithGroup(group);

    assertProblem(request().delete(GROUPS + group).then(), 409, "conflict");

    request().get(GROUPS + group).then().statusCode(200);
  }

  @Test
  void aPolicyUsingAnotherGroupDoesNotBlockDeletion() {
    String prefix = uniqueId("grp");
    String used = prefix + "-x";
    String unused = prefix + "_x";
    json(aCountryGroup()).put(GROUPS + used).then().statusCode(201);
    json(aCountryGroup()).put(GROUPS + unused).then().statusCode(201);
    usePolicyWithGroup(used);

    request().delete(GROUPS + unused).then().statusCode(204);
  }

  @Test
  void aGroupIsFreeOnceNoPolicyNamesItAnyMore() {
    String group = givenCountryGroup();
    String changed = usePolicyWithGroup(group);
    String deleted = usePolicyWithGroup(group);

    assertProblem(request().delete(GROUPS + group).then(), 409, "conflict")
        .body("detail", containsString(changed))
        .body("detail", containsString(deleted));

    json(aPolicy().with("groupLimits", List.of(JsonBody.of("group", "FEOC", "maxShare", 0.4))))
        .put("/v1/sourcing-policies/" + changed)
        .then()
        .statusCode(200);
    request().delete("/v1/sourcing-policies/" + deleted).then().statusCode(204);

    request().delete(GROUPS + group).then().statusCode(204);
  }

  private static String usePolicyWithGroup(String group) {
    String policy = uniqueId("pol");
    json(aPolicy().with("groupLimits", List.of(JsonBody.of("group", group, "maxShare", 0.4))))
        .put("/v1/sourcing-policies/" + policy)
        .then()
        .statusCode(201);
    return policy;
  }
}
