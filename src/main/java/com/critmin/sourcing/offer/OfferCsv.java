package com.critmin.sourcing.offer;

import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.offer.api.OfferRequest;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads offers from CSV with one header row: id, supplierId, material, capacity, unitPrice,
 * currency and optionally country, validFrom, validTo, and one {@code origin.STAGE} column per
 * upstream stage.
 */
public final class OfferCsv {
  public static final String ORIGIN_PREFIX = "origin.";
  private static final List<String> REQUIRED =
      List.of("id", "supplierId", "material", "capacity", "unitPrice", "currency");
  private static final List<String> OPTIONAL = List.of("country", "validFrom", "validTo");

  private OfferCsv() {}

  /**
   * Parses every row or throws one validation problem naming each bad cell as [i].column: the names
   * that the JSON bulk upsert and the later checks of the same rows use.
   */
  public static List<OfferRequest> read(Reader body, int maxRows) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();
    List<OfferRequest> offers = new ArrayList<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    try (CSVParser parser = CSVParser.builder().setReader(body).setFormat(format).get()) {
      List<String> header = parser.getHeaderNames();
      for (String column : REQUIRED) {
        if (!header.contains(column)) {
          errors.add(new Problem.FieldError("header", "missing column '" + column + "'"));
        }
      }
      for (String column : header) {
        if (!REQUIRED.contains(column)
            && !OPTIONAL.contains(column)
            && !column.startsWith(ORIGIN_PREFIX)) {
          errors.add(new Problem.FieldError("header", "unknown column '" + column + "'"));
        }
      }
      if (!errors.isEmpty()) {
        throw ApiException.invalid(errors);
      }
      for (CSVRecord record : parser) {
        int index = offers.size();
        if (index >= maxRows) {
          throw ApiException.invalid("body", "at most " + maxRows + " offers per bulk upsert");
        }
        offers.add(row(record, header, "[" + index + "].", errors));
        if (errors.size() >= 100) {
          break;
        }
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw notCsv(e);
    } catch (UncheckedIOException e) {
      // commons-csv reports bad quoting while iterating as an unchecked wrapper of its CSVException
      throw notCsv(e.getCause() != null ? e.getCause() : e);
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return offers;
  }

  private static ApiException notCsv(Throwable cause) {
    String reason = cause.getMessage() == null ? "unreadable" : cause.getMessage();
    return ApiException.invalid("body", "not valid CSV: " + reason);
  }

  private static OfferRequest row(
      CSVRecord record, List<String> header, String prefix, List<Problem.FieldError> errors) {
    if (!record.isConsistent()) {
      errors.add(
          new Problem.FieldError(
              prefix.substring(0, prefix.length() - 1),
              "has " + record.size() + " cells, the header has " + header.size()));
    }
    Map<String, String> origins = new LinkedHashMap<>();
    for (String column : header) {
      if (column.startsWith(ORIGIN_PREFIX)) {
        String value = cell(record, column);
        if (value != null) {
          origins.put(column.substring(ORIGIN_PREFIX.length()), value.toUpperCase(Locale.ROOT));
        }
      }
    }
    return new OfferRequest(
        cell(record, "id"),
        cell(record, "supplierId"),
        cell(record, "material"),
        cell(record, "country"),
        number(record, "capacity", prefix, errors),
        number(record, "unitPrice", prefix, errors),
        cell(record, "currency"),
        origins.isEmpty() ? null : origins,
        date(record, "validFrom", prefix, errors),
        date(record, "validTo", prefix, errors),
        null,
        null);
  }

  private static String cell(CSVRecord record, String column) {
    if (!record.isMapped(column) || !record.isSet(column)) {
      return null;
    }
    String value = record.get(column);
    return value == null || value.isEmpty() ? null : value;
  }

  private static Double number(
      CSVRecord record, String column, String prefix, List<Problem.FieldError> errors) {
    String value = cell(record, column);
    if (value == null) {
      return null;
    }
    try {
      return Double.valueOf(value);
    } catch (NumberFormatException e) {
      errors.add(
          new Problem.FieldError(prefix + column, "cannot read '" + value + "' as a number"));
      return null;
    }
  }

  private static LocalDate date(
      CSVRecord record, String column, String prefix, List<Problem.FieldError> errors) {
    String value = cell(record, column);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(
          new Problem.FieldError(
              prefix + column, "cannot read '" + value + "' as an ISO 8601 date"));
      return null;
    }
  }
}
