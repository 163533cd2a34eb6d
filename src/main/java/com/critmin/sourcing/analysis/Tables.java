package com.critmin.sourcing.analysis;

import com.critmin.sourcing.analysis.api.FrontierResponse;
import com.critmin.sourcing.analysis.api.StressTestResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The figures of a frontier or stress test as a CSV table (one header row) for spreadsheets. */
final class Tables {
  private Tables() {}

  static String frontier(FrontierResponse f) {
    return write(
        out -> {
          out.printRecord(
              "row",
              "level",
              "status",
              "totalCost",
              "currency",
              "marginalCostPerPoint",
              "shortfall",
              "uncovered");
          if (f.baseline() != null) point(out, "BASELINE", f.baseline(), f.currency());
          for (FrontierResponse.PointView p : f.points()) point(out, "POINT", p, f.currency());
          for (FrontierResponse.BreakpointView b : f.breakpoints()) {
            record(
                out, "BREAKPOINT", b.level(), "OPTIMAL", b.totalCost(), f.currency(), "", "", "");
          }
        });
  }

  private static void point(
      CSVPrinter out, String row, FrontierResponse.PointView p, String currency)
      throws IOException {
    record(
        out,
        row,
        p.level(),
        p.status(),
        blankIfNull(p.totalCost()),
        currency,
        blankIfNull(p.marginalCostPerPoint()),
        blankIfNull(p.shortfall()),
        p.uncovered() == null
            ? ""
            : p.uncovered().stream()
                .map(FrontierResponse.UncoveredView::material)
                .collect(Collectors.joining(" ")));
  }

  static String stressTest(StressTestResponse t) {
    return write(
        out -> {
          out.printRecord(
              "rank",
              "shock",
              "status",
              "totalCost",
              "currency",
              "costDelta",
              "costDeltaPercent",
              "shortfall",
              "shortfallByMaterial",
              "newlyBinding");
          if (t.baseline() != null) {
            record(
                out,
                0,
                "BASELINE",
                t.baseline().status(),
                blankIfNull(t.baseline().totalCost()),
                t.currency(),
                0.0,
                0.0,
                t.baseline().shortfall(),
                materials(t.baseline().shortfallByMaterial()),
                "");
          }
          for (StressTestResponse.ShockView s : t.shocks()) {
            record(
                out,
                s.rank(),
                s.label(),
                s.status(),
                blankIfNull(s.totalCost()),
                t.currency(),
                blankIfNull(s.costDelta()),
                blankIfNull(s.costDeltaPercent()),
                s.shortfall(),
                materials(s.shortfallByMaterial()),
                s.newlyBinding().stream()
                    .map(
                        b ->
                            b.kind()
                                + "("
                                + (b.country() != null
                                    ? b.country()
                                    : b.group() != null ? b.group() : b.supplier())
                                + ","
                                + b.material()
                                + ","
                                + b.stage()
                                + ")")
                    .collect(Collectors.joining(" ")));
          }
        });
  }

  private static String materials(java.util.Map<String, Double> byMaterial) {
    return byMaterial == null
        ? ""
        : byMaterial.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
  }

  /** Numbers as plain decimals (no exponent), the way spreadsheets read them. */
  private static Object plain(Object value) {
    if (value instanceof Double d && Double.isFinite(d)) {
      return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return value;
  }

  private static void record(CSVPrinter out, Object... values) throws IOException {
    Object[] cells = new Object[values.length];
    for (int i = 0; i < values.length; i++) cells[i] = plain(values[i]);
    out.printRecord(cells);
  }

  private interface Rows {
    void print(CSVPrinter out) throws IOException;
  }

  private static String write(Rows rows) {
    StringWriter text = new StringWriter();
    try (CSVPrinter out = new CSVPrinter(text, CSVFormat.RFC4180)) {
      rows.print(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** A missing figure as an empty cell. */
  private static Object blankIfNull(Object value) {
    return value == null ? "" : value;
  }
}
