package com.critmin.sourcing.offer;

import static com.critmin.sourcing.testsupport.Api.assertProblem;
import static com.critmin.sourcing.testsupport.Api.request;
import static com.critmin.sourcing.testsupport.Api.uniqueId;
import static com.critmin.sourcing.testsupport.Fixtures.givenMaterial;
import static com.critmin.sourcing.testsupport.Fixtures.givenSupplier;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CSV bulk upserts as spreadsheets export them. */
@QuarkusTest
class OfferCsvTest {
  private static final String OFFERS = "/v1/offers";

  private String supplier;
  private String material;

  @BeforeEach
  void givenSupplierAndMaterial() {
    supplier = givenSupplier("AU");
    material = givenMaterial();
  }

  private static ValidatableResponse post(String csv, String query) {
    return request()
        .contentType("text/csv")
        .body(csv)
        .post(OFFERS + query)
        .then()
        .log()
        .ifValidationFails();
  }

  @Test
  void excelUtf8WithAByteOrderMarkAndOtherCaseHeadersIsRead() {
    String id = uniqueId("csv");
    String csv =
        "\uFEFFID,SupplierID,Material,Capacity,UNITPRICE,Currency,Origin.mining\r\n"
            + id
            + ","
            + supplier
            + ","
            + material
            + ",500,82.5,USD,au\r\n";
    // As Excel saves "CSV UTF-8": the byte-order mark's three bytes, then UTF-8.
    request()
        .contentType("text/csv")
        .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post(OFFERS)
        .then()
        .statusCode(200)
        .body("created", equalTo(1));
    request()
        .get(OFFERS + "/" + id)
        .then()
        .statusCode(200)
        .body("capacity", equalTo(500.0))
        .body("origins.MINING", equalTo("AU"));
  }

  @Test
  void semicolonsAreDetectedWithDecimalCommas() {
    String id = uniqueId("csv");
    String csv =
        "id;supplierId;material;capacity;unitPrice;currency\n"
            + id
            + ";"
            + supplier
            + ";"
            + material
            + ";500;82,5;USD\n";
    post(csv, "").statusCode(200).body("created", equalTo(1));
    request().get(OFFERS + "/" + id).then().statusCode(200).body("unitPrice", equalTo(82.5));
    post(csv, "?delimiter=semicolon").statusCode(200).body("unchanged", equalTo(1));
    assertProblem(post(csv, "?delimiter=pipe"), 400, "malformed-request")
        .body("errors[0].field", equalTo("delimiter"));
  }

  @Test
  void anUnknownColumnIs422WithAHintOrIgnoredOnRequest() {
    String id = uniqueId("csv");
    String csv =
        "id,supplier,material,capacity,unitPrice,currency,erpPlant\n"
            + id
            + ","
            + supplier
            + ","
            + material
            + ",500,82.5,USD,P100\n";
    assertProblem(post(csv, ""), 422, "validation")
        .body("errors.message", hasItem(containsString("did you mean 'supplierId'")))
        .body("errors.message", hasItem(containsString("unknown column 'erpPlant'")));
    String renamed = csv.replace("id,supplier,", "id,supplierId,");
    post(renamed, "?unknownColumns=ignore").statusCode(200).body("created", equalTo(1));
  }

  @Test
  void errorsNameTheLineOfTheFile() {
    String csv =
        "id,supplierId,material,capacity,unitPrice,currency\n"
            + "\n"
            + uniqueId("csv")
            + ","
            + supplier
            + ","
            + material
            + ",500,82.5,USD\n"
            + uniqueId("csv")
            + ","
            + supplier
            + ","
            + material
            + ",lots,82.5,USD\n";
    assertProblem(post(csv, ""), 422, "validation")
        .body("errors[0].field", equalTo("[1].capacity"))
        .body("errors[0].message", containsString("(line 4)"));
    String missingSupplier =
        "id,supplierId,material,capacity,unitPrice,currency\n"
            + uniqueId("csv")
            + ",nobody-"
            + supplier
            + ","
            + material
            + ",500,82.5,USD\n";
    assertProblem(post(missingSupplier, ""), 422, "validation")
        .body("errors[0].field", equalTo("[0].supplierId"))
        .body("errors[0].message", containsString("(line 2)"))
        .body("detail", containsString("(line 2)"));
  }

  @Test
  void aRowThatChangesNothingCountsAsUnchanged() {
    String first = uniqueId("csv");
    String second = uniqueId("csv");
    String header = "id,supplierId,material,capacity,unitPrice,currency\n";
    String row1 = first + "," + supplier + "," + material + ",500,82.5,USD\n";
    String row2 = second + "," + supplier + "," + material + ",100,70,USD\n";
    post(header + row1 + row2, "").statusCode(200).body("created", equalTo(2));
    String etag = request().get(OFFERS + "/" + first).then().extract().header("ETag");
    post(header + row1 + row2.replace(",100,", ",150,"), "")
        .statusCode(200)
        .body("received", equalTo(2))
        .body("created", equalTo(0))
        .body("updated", equalTo(1))
        .body("unchanged", equalTo(1));
    request().get(OFFERS + "/" + first).then().header("ETag", etag);
  }

  private String row(String id, String capacity, String separator) {
    return String.join(separator, id, supplier, material, capacity, "82.5", "USD");
  }

  @Test
  void lineNumbersCountBlankLinesAndOldMacLineEnds() {
    String header = "id,supplierId,material,capacity,unitPrice,currency";
    String csv =
        header
            + "\n"
            + row(uniqueId("csv"), "500", ",")
            + "\n\n\n"
            + row(uniqueId("csv"), "-1", ",")
            + "\n";
    assertProblem(post(csv, ""), 422, "validation")
        .body("errors[0].field", equalTo("[1].capacity"))
        .body("errors[0].message", containsString("(line 5)"));
    String mac =
        header + "\r" + row(uniqueId("csv"), "500", ",") + "\r" + row(uniqueId("csv"), "-1", ",");
    assertProblem(post(mac, ""), 422, "validation")
        .body("errors[0].field", equalTo("[1].capacity"))
        .body("errors[0].message", containsString("(line 3)"));
  }

  @Test
  void digitGroupingIsRefusedNeverGuessed() {
    String header = "id,supplierId,material,capacity,unitPrice,currency\n";
    String id = uniqueId("csv");
    // US Excel writes 1500 formatted with a thousands separator as "1,500": not 1.5, not 1500.
    assertProblem(post(header + row(id, "\"1,500\"", ",") + "\n", ""), 422, "validation")
        .body("errors[0].field", equalTo("[0].capacity"))
        .body("errors[0].message", containsString("write 1500 or 1.500"));
    // German Excel writes 1500 as 1.500 in a ';' file.
    assertProblem(
            post(header.replace(',', ';') + row(id, "1.500", ";") + "\n", ""), 422, "validation")
        .body("errors[0].field", equalTo("[0].capacity"))
        .body("errors[0].message", containsString("ambiguous"));
    assertProblem(post(header + row(id, "100d", ",") + "\n", ""), 422, "validation")
        .body("errors[0].field", equalTo("[0].capacity"));
    request().get(OFFERS + "/" + id).then().statusCode(404);
    post(header.replace(',', ';') + row(id, "1500,25", ";") + "\n", "").statusCode(200);
    request().get(OFFERS + "/" + id).then().statusCode(200).body("capacity", equalTo(1500.25));
  }

  @Test
  void excelsEmptyTrailingColumnsAndEmptiedRowsAreSkippedOnRequest() {
    String id = uniqueId("csv");
    String csv =
        "id,supplierId,material,capacity,unitPrice,currency,,\r\n"
            + row(id, "500", ",")
            + ",,\r\n"
            + ",,,,,,,\r\n";
    post(csv, "?unknownColumns=ignore").statusCode(200).body("created", equalTo(1));
    request().get(OFFERS + "/" + id).then().statusCode(200);
  }

  @Test
  void aBodyThatIsNotUtf8IsRefusedUnlessItNamesItsCharset() {
    String id = uniqueId("csv");
    String csv =
        "id,supplierId,material,capacity,unitPrice,currency,origin.MINING\n"
            + row(id, "500", ",")
            + ",AU\n";
    // "Lieferant Übersicht" as Excel saves plain "CSV" on Windows: Ü is the byte 0xDC, not UTF-8.
    byte[] latin1 =
        csv.replace(",AU\n", ",AU\n# Lieferant \u00dcbersicht\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    // RestAssured would name ISO-8859-1 on its own; Excel's upload names no charset.
    io.restassured.config.RestAssuredConfig noCharset =
        io.restassured.RestAssured.config()
            .encoderConfig(
                io.restassured.config.EncoderConfig.encoderConfig()
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false));
    assertProblem(
            request().config(noCharset).contentType("text/csv").body(latin1).post(OFFERS).then(),
            400,
            "malformed-request")
        .body("detail", containsString("not UTF-8"))
        .body("detail", containsString("charset"));
    request().get(OFFERS + "/" + id).then().statusCode(404);
    request()
        .contentType("text/csv; charset=ISO-8859-1")
        .body(csv.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
        .post(OFFERS)
        .then()
        .statusCode(200)
        .body("created", equalTo(1));
  }

  @Test
  void anEmptyFileOrAHeaderAloneSaysSo() {
    assertProblem(post("", ""), 422, "validation")
        .body("detail", containsString("the file is empty"));
    assertProblem(
            post("id,supplierId,material,capacity,unitPrice,currency\r\n", ""), 422, "validation")
        .body("detail", containsString("no offer rows"));
  }

  @Test
  void excelsSepLineAndTabSeparatedFilesAreRead() {
    String header = "id;supplierId;material;capacity;unitPrice;currency";
    String sep =
        "sep=;\r\n"
            + header
            + "\r\n"
            + row(uniqueId("csv"), "500", ";")
            + "\r\n"
            + row(uniqueId("csv"), "-1", ";")
            + "\r\n";
    assertProblem(post(sep, ""), 422, "validation")
        .body("errors[0].field", equalTo("[1].capacity"))
        .body("errors[0].message", containsString("(line 4)"));
    String tabs = header.replace(';', '\t') + "\n" + row(uniqueId("csv"), "500", "\t") + "\n";
    post(tabs, "").statusCode(200).body("created", equalTo(1));
    String macSep = "sep=;\r" + header + "\r" + row(uniqueId("csv"), "0.500", ";") + "\r";
    post(macSep, "").statusCode(200).body("created", equalTo(1));
    // Excel's "Unicode Text": UTF-16LE with a byte-order mark, tabs, decimal commas (German).
    String id = uniqueId("csv");
    byte[] utf16 =
        ("\uFEFF" + header.replace(';', '\t') + "\r\n" + row(id, "12,5", "\t") + "\r\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    request()
        .contentType("text/csv")
        .body(utf16)
        .post(OFFERS + "?delimiter=tab")
        .then()
        .statusCode(200)
        .body("created", equalTo(1));
    request().get(OFFERS + "/" + id).then().statusCode(200).body("capacity", equalTo(12.5));
  }

  @Test
  void misspeltOriginAndIgnoredRequiredColumnsAreHinted() {
    String csv =
        "id,suplierId,material,capacity,unitPrice,currency,orign.MINING\n"
            + row(uniqueId("csv"), "500", ",")
            + ",AU\n";
    assertProblem(post(csv, ""), 422, "validation")
        .body("errors.message", hasItem(containsString("did you mean 'origin.MINING'")));
    assertProblem(post(csv, "?unknownColumns=ignore"), 422, "validation")
        .body(
            "errors.message", hasItem(containsString("column 'suplierId' was ignored as unknown")));
  }
}
