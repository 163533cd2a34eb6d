package com.critmin.sourcing.offer;

import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.error.Suggestions;
import com.critmin.sourcing.offer.api.OfferRequest;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads offers from CSV as people export it: one header row with id, supplierId, material,
 * capacity, unitPrice, currency and optionally country, validFrom, validTo and one {@code
 * origin.STAGE} column per upstream stage; header names match case-insensitively; a UTF-8
 * byte-order mark (Excel's "CSV UTF-8") is skipped, a UTF-16 one (its "Unicode Text") read; the
 * separator is ',', ';' (Excel in locales with a decimal comma) or a tab, named by Excel's {@code
 * sep=} first line or the request, else detected from the header row.
 */
public final class OfferCsv {
  public static final String ORIGIN_PREFIX = "origin.";
  private static final List<String> REQUIRED =
      List.of("id", "supplierId", "material", "capacity", "unitPrice", "currency");
  private static final List<String> OPTIONAL =
      List.of("country", "validFrom", "validTo", "minQuantity", "lotSize");
  private static final List<String> KNOWN =
      Stream.concat(REQUIRED.stream(), OPTIONAL.stream()).toList();

  /** How to read a CSV body: its separator (null: detect) and what to do with unknown columns. */
  public record Options(Character delimiter, boolean ignoreUnknownColumns) {}

  /** The offers read, and the line of the file each came from (1 is the header). */
  public record Rows(List<OfferRequest> offers, List<Integer> lines) {}

  private static final java.util.regex.Pattern EXCEL_SEPARATOR =
      java.util.regex.Pattern.compile("sep=([,;\\t|])(\\r\\n|\\r|\\n|$)");
  private static final java.util.regex.Pattern ITEM =
      java.util.regex.Pattern.compile("\\[(\\d+)\\]");

  private OfferCsv() {}

  /**
   * Lines (from 1) of increasing character positions, counted in one pass over the text; a line
   * ends with LF, CRLF or a lone CR (old Mac exports).
   */
  private static final class Lines {
    private final String content;
    private int scanned;
    private int line = 1;

    Lines(String content) {
      this.content = content;
    }

    /**
     * The line a record starts on. commons-csv gives the position where it began looking for the
     * record, before the empty lines it skipped: those are skipped here too.
     */
    int at(long position) {
      int start = (int) Math.min(position, content.length());
      while (start < content.length()
          && (content.charAt(start) == '\n' || content.charAt(start) == '\r')) {
        start++;
      }
      for (; scanned < start; scanned++) {
        char c = content.charAt(scanned);
        if (c == '\n'
            || (c == '\r'
                && (scanned + 1 >= content.length() || content.charAt(scanned + 1) != '\n'))) {
          line++;
        }
      }
      return line;
    }
  }

  /**
   * Parses every row or throws one validation problem naming each bad cell as [i].column (the names
   * that the JSON bulk upsert and the later checks of the same rows use), with the file's line
   * number in its message.
   */
  public static Rows read(String text, int maxRows, Options options) {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (content.isBlank()) {
      throw ApiException.invalid(
          "body", "the file is empty: send a header row and one row per offer");
    }
    Character named = options.delimiter();
    java.util.regex.Matcher excelSeparator = EXCEL_SEPARATOR.matcher(content);
    if (excelSeparator.lookingAt()) {
      // Excel's "sep=;" first line names the separator; the header follows it.
      named = named != null ? named : excelSeparator.group(1).charAt(0);
      content = "\n" + content.substring(excelSeparator.end());
      if (content.isBlank()) {
        throw ApiException.invalid(
            "body", "the file is empty: send a header row and one row per offer");
      }
    }
    char delimiter = named != null ? named : detectDelimiter(content);
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
            .get();
    List<OfferRequest> offers = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    Lines lineNumbers = new Lines(content);
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(content)).setFormat(format).get()) {
      List<String> header = parser.getHeaderNames();
      Map<String, Integer> columns = columns(header, options, errors);
      if (!errors.isEmpty()) {
        throw ApiException.invalid(errors);
      }
      for (CSVRecord record : parser) {
        if (blank(record)) {
          continue; // Excel writes an emptied row as ",,,,,"
        }
        int index = offers.size();
        if (index >= maxRows) {
          throw ApiException.invalid("body", "at most " + maxRows + " offers per bulk upsert");
        }
        int line = lineNumbers.at(record.getCharacterPosition());
        offers.add(
            row(record, columns, header.size(), delimiter, "[" + index + "].", line, errors));
        lines.add(line);
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
    if (offers.isEmpty()) {
      throw ApiException.invalid("body", "the file has a header row but no offer rows under it");
    }
    return new Rows(offers, lines);
  }

  /**
   * The failure of a later check of these rows (such as a supplier that does not exist), with the
   * file's line number in each message about a row.
   */
  public static ApiException withLines(ApiException failure, Rows rows) {
    if (failure.errors() == null) {
      return failure;
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    for (Problem.FieldError error : failure.errors()) {
      java.util.regex.Matcher item = ITEM.matcher(error.field());
      int index = item.lookingAt() ? Integer.parseInt(item.group(1)) : -1;
      errors.add(
          index >= 0 && index < rows.lines().size()
              ? atLine(error, rows.lines().get(index))
              : error);
    }
    String detail =
        errors.size() == 1 && failure.type() == com.critmin.sourcing.error.ProblemType.VALIDATION
            ? ApiException.invalid(errors).getMessage()
            : failure.getMessage();
    return new ApiException(failure.type(), detail, errors, failure.headers());
  }

  /**
   * The text of a CSV body: UTF-8 when it starts with a UTF-8 byte-order mark (whatever the
   * Content-Type says) or names no charset (bytes that are not UTF-8 are then a 400 that says so,
   * not characters replaced by '?'), else the charset it names.
   */
  public static String decode(byte[] body, String contentType) {
    // Excel's "Unicode Text" export: UTF-16 with a byte-order mark (and tabs between cells).
    if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
      return new String(body, 2, body.length - 2, java.nio.charset.StandardCharsets.UTF_16LE);
    }
    if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
      return new String(body, 2, body.length - 2, java.nio.charset.StandardCharsets.UTF_16BE);
    }
    if (body.length >= 3
        && (body[0] & 0xFF) == 0xEF
        && (body[1] & 0xFF) == 0xBB
        && (body[2] & 0xFF) == 0xBF) {
      return new String(body, 3, body.length - 3, java.nio.charset.StandardCharsets.UTF_8);
    }
    java.nio.charset.Charset charset = null;
    if (contentType != null) {
      java.util.regex.Matcher named =
          java.util.regex.Pattern.compile("(?i)charset=\"?([^\";\\s]+)").matcher(contentType);
      if (named.find()) {
        try {
          charset = java.nio.charset.Charset.forName(named.group(1));
        } catch (IllegalArgumentException e) {
          throw ApiException.invalid("Content-Type", "unknown charset '" + named.group(1) + "'");
        }
      }
    }
    return charset != null ? new String(body, charset) : strictUtf8(body);
  }

  /** UTF-8, the default; bytes that are not UTF-8 (a Latin-1 or UTF-16 export) are a 400. */
  private static String strictUtf8(byte[] body) {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(body);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(body.length);
    java.nio.charset.CoderResult result =
        java.nio.charset.StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(in, out, true);
    if (result.isError()) {
      String problem =
          "is not UTF-8 (byte 0x"
              + String.format("%02X", body[in.position()] & 0xFF)
              + " at offset "
              + in.position()
              + "): save it as \"CSV UTF-8\", or name its charset in the Content-Type (text/csv;"
              + " charset=windows-1252)";
      throw new ApiException(
          com.critmin.sourcing.error.ProblemType.MALFORMED_REQUEST,
          "The body " + problem,
          List.of(new Problem.FieldError("body", problem)),
          Map.of());
    }
    return out.flip().toString();
  }

  private static boolean blank(CSVRecord record) {
    for (String value : record) {
      if (value != null && !value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The error with the file's line number in its message. */
  public static Problem.FieldError atLine(Problem.FieldError error, int line) {
    return new Problem.FieldError(error.field(), error.message() + " (line " + line + ")");
  }

  /** ';' or a tab when the header row has more of them than commas (outside quotes), else ','. */
  static char detectDelimiter(String text) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == '\t') {
        tabs++;
      }
    }
    if (tabs > commas && tabs > semicolons) {
      return '\t';
    }
    return semicolons > commas ? ';' : ',';
  }

  /**
   * The position of each canonical column in the file (origin columns keep the stage in upper
   * case); an unknown or repeated column is an error, unless unknown ones are to be ignored.
   */
  private static Map<String, Integer> columns(
      List<String> header, Options options, List<Problem.FieldError> errors) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    List<String> ignored = new ArrayList<>();
    for (int position = 0; position < header.size(); position++) {
      String name = header.get(position);
      if (name == null || name.isBlank()) {
        if (!options.ignoreUnknownColumns()) {
          errors.add(new Problem.FieldError("header", "column " + (position + 1) + " has no name"));
        }
        continue;
      }
      String canonical = canonical(name);
      if (canonical == null) {
        if (!options.ignoreUnknownColumns()) {
          errors.add(
              new Problem.FieldError(
                  "header",
                  "unknown column '"
                      + name
                      + "'"
                      + hint(name)
                      + " (send unknownColumns=ignore to skip columns this service does not use)"));
        } else {
          ignored.add(name);
        }
        continue;
      }
      if (columns.putIfAbsent(canonical, position) != null) {
        errors.add(new Problem.FieldError("header", "column '" + name + "' appears twice"));
      }
    }
    for (String column : REQUIRED) {
      if (!columns.containsKey(column)) {
        errors.add(
            new Problem.FieldError(
                "header",
                "missing column '"
                    + column
                    + "'"
                    + Suggestions.closest(column, ignored)
                        .map(
                            near ->
                                " (column '" + near + "' was ignored as unknown: is it this one?)")
                        .orElse("")));
      }
    }
    return columns;
  }

  /** "; did you mean ...?" for an unknown column: a known one, or an origin column misspelt. */
  private static String hint(String name) {
    String known = Suggestions.hint(name, KNOWN);
    if (!known.isEmpty()) {
      return known;
    }
    int dot = name.indexOf('.');
    String prefix = dot < 0 ? name : name.substring(0, dot);
    if (Suggestions.closest(prefix, List.of("origin", "origins")).isPresent()) {
      String stage =
          dot < 0 || dot == name.length() - 1
              ? "STAGE"
              : name.substring(dot + 1).toUpperCase(Locale.ROOT);
      return "; did you mean '" + ORIGIN_PREFIX + stage + "'? (one origin.STAGE column per stage)";
    }
    return "";
  }

  private static String canonical(String name) {
    for (String known : KNOWN) {
      if (known.equalsIgnoreCase(name)) {
        return known;
      }
    }
    if (name.length() > ORIGIN_PREFIX.length()
        && name.regionMatches(true, 0, ORIGIN_PREFIX, 0, ORIGIN_PREFIX.length())) {
      return ORIGIN_PREFIX + name.substring(ORIGIN_PREFIX.length()).toUpperCase(Locale.ROOT);
    }
    return null;
  }

  private static ApiException notCsv(Throwable cause) {
    String reason = cause.getMessage() == null ? "unreadable" : cause.getMessage();
    return ApiException.invalid("body", "not valid CSV: " + reason);
  }

  private static OfferRequest row(
      CSVRecord record,
      Map<String, Integer> columns,
      int headerSize,
      char delimiter,
      String prefix,
      int line,
      List<Problem.FieldError> errors) {
    int before = errors.size();
    // Not CSVRecord.isConsistent(): it counts the header's distinct names, and Excel's trailing
    // empty columns are several columns without one.
    if (record.size() != headerSize) {
      errors.add(
          new Problem.FieldError(
              prefix.substring(0, prefix.length() - 1),
              "has " + record.size() + " cells, the header has " + headerSize));
    }
    Map<String, String> origins = new LinkedHashMap<>();
    columns.forEach(
        (column, position) -> {
          String value = cell(record, position);
          if (column.startsWith(ORIGIN_PREFIX) && value != null) {
            origins.put(column.substring(ORIGIN_PREFIX.length()), value.toUpperCase(Locale.ROOT));
          }
        });
    OfferRequest offer =
        new OfferRequest(
            cell(record, columns.get("id")),
            cell(record, columns.get("supplierId")),
            cell(record, columns.get("material")),
            cell(record, columns.get("country")),
            number(record, columns, "capacity", delimiter, prefix, errors),
            number(record, columns, "unitPrice", delimiter, prefix, errors),
            cell(record, columns.get("currency")),
            origins.isEmpty() ? null : origins,
            date(record, columns, "validFrom", prefix, errors),
            date(record, columns, "validTo", prefix, errors),
            number(record, columns, "minQuantity", delimiter, prefix, errors),
            number(record, columns, "lotSize", delimiter, prefix, errors),
            null,
            null);
    for (int i = before; i < errors.size(); i++) {
      errors.set(i, atLine(errors.get(i), line));
    }
    return offer;
  }

  private static String cell(CSVRecord record, Integer position) {
    if (position == null || position >= record.size()) {
      return null;
    }
    String value = record.get(position);
    return value == null || value.isEmpty() ? null : value;
  }

  private static Double number(
      CSVRecord record,
      Map<String, Integer> columns,
      String column,
      char delimiter,
      String prefix,
      List<Problem.FieldError> errors) {
    String value = cell(record, columns.get(column));
    if (value == null) {
      return null;
    }
    String problem = numberProblem(value, delimiter);
    if (problem != null) {
      errors.add(new Problem.FieldError(prefix + column, problem));
      return null;
    }
    return Double.valueOf(delimiter != ',' ? value.replace(',', '.') : value);
  }

  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][+-]?\\d+)?");
  private static final java.util.regex.Pattern GROUPED =
      java.util.regex.Pattern.compile("[+-]?[1-9]\\d{0,2}([.,]\\d{3})+");

  /**
   * Why a cell is not a number here, or null. A decimal point is always read; a decimal comma only
   * in a ';' or tab-separated file (Excel in locales that write 12,5). Digit grouping is refused,
   * never guessed: "1,500" in a comma-separated file is 1500 to Excel in the US and 1.5 to a reader
   * that took the comma as a decimal one; "1.500" in a ';'-separated file is 1500 to Excel in
   * Germany.
   */
  static String numberProblem(String value, char delimiter) {
    boolean comma = value.indexOf(',') >= 0;
    if (!DECIMAL.matcher(value).matches() || (comma && value.indexOf('.') >= 0)) {
      return "cannot read '" + value + "' as a number (digits, one decimal separator, no grouping)";
    }
    if (comma && delimiter == ',') {
      return "cannot read '"
          + value
          + "' as a number: a comma is read as a decimal separator only in ';' or tab-separated"
          + " files,"
          + " and thousands separators are not read (write "
          + (GROUPED.matcher(value).matches() ? value.replace(",", "") + " or " : "")
          + value.replace(',', '.')
          + ")";
    }
    if (delimiter != ',' && !comma && GROUPED.matcher(value).matches()) {
      return "'"
          + value
          + "' is ambiguous in a ';' or tab-separated file: a decimal point, or a thousands"
          + " separator as"
          + " Excel writes it in locales with a decimal comma (write "
          + value.replace(".", "")
          + " or "
          + value.replace('.', ',')
          + ")";
    }
    return null;
  }

  private static LocalDate date(
      CSVRecord record,
      Map<String, Integer> columns,
      String column,
      String prefix,
      List<Problem.FieldError> errors) {
    String value = cell(record, columns.get(column));
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
