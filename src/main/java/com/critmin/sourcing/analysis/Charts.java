package com.critmin.sourcing.analysis;

import com.critmin.sourcing.analysis.api.FrontierResponse;
import com.critmin.sourcing.analysis.api.StressTestResponse;
import com.critmin.sourcing.analysis.api.VaryRequest;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The frontier and the stress test drawn as SVG with JFreeChart, headless, 800 px wide: axes name
 * their units and the currency.
 */
final class Charts {
  static final int WIDTH = 800;
  static final int HEIGHT = 520;
  private static final Color CURVE = new Color(0x1f, 0x5f, 0xa8);
  private static final Color KINK = new Color(0xd9, 0x6c, 0x00);
  private static final Color SHORT = new Color(0xc0, 0x1c, 0x28);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  static {
    System.setProperty("java.awt.headless", "true");
    // Rotated labels (the cost axis) as SVG text, not glyph outlines: searchable and sharp.
    org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private Charts() {}

  /**
   * Cost against level: the exact curve, grid points, breakpoints, policy level, infeasible range.
   */
  static String frontier(FrontierResponse f) {
    TreeMap<Double, Double> curve = new TreeMap<>();
    // Under award rules every point is solved and no breakpoint is traced: the legend says so.
    boolean traced = !f.breakpoints().isEmpty();
    XYSeries points =
        new XYSeries(traced ? "points solved or on a confirmed segment" : "points solved");
    XYSeries kinks = new XYSeries("breakpoints (exact)");
    for (FrontierResponse.PointView p : f.points()) {
      if (p.totalCost() == null) continue;
      curve.put(p.level() * 100, p.totalCost());
      points.add(p.level() * 100, p.totalCost());
    }
    for (FrontierResponse.BreakpointView b : f.breakpoints()) {
      curve.put(b.level() * 100, b.totalCost());
      kinks.add(b.level() * 100, b.totalCost());
    }
    XYSeries line = new XYSeries("minimum total cost");
    curve.forEach(line::add);
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(line);
    data.addSeries(points);
    if (traced) data.addSeries(kinks);

    NumberAxis x = new NumberAxis(varyLabel(f.vary()) + " (level, % of demand)");
    x.setRange(0, 100);
    x.setNumberFormatOverride(
        new DecimalFormat("0'%'", DecimalFormatSymbols.getInstance(Locale.US)));
    NumberAxis y = new NumberAxis("Minimum total cost (" + f.currency() + ")");
    y.setAutoRangeIncludesZero(false);
    y.setNumberFormatOverride(
        new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)));
    style(x);
    style(y);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesPaint(0, CURVE);
    renderer.setSeriesStroke(0, new BasicStroke(2.5f));
    renderer.setSeriesShapesVisible(0, false);
    renderer.setSeriesPaint(1, CURVE);
    renderer.setSeriesLinesVisible(1, false);
    renderer.setSeriesShape(1, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    renderer.setSeriesPaint(2, KINK);
    renderer.setSeriesLinesVisible(2, false);
    renderer.setSeriesShape(2, new Rectangle2D.Double(-5, -5, 10, 10));
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    if (f.minFeasibleLevel() != null && f.minFeasibleLevel() > 0) {
      IntervalMarker infeasible = new IntervalMarker(0, f.minFeasibleLevel() * 100);
      infeasible.setPaint(new Color(0xc0, 0x1c, 0x28, 40));
      infeasible.setLabel("infeasible below " + percent(f.minFeasibleLevel()));
      infeasible.setLabelFont(LABEL);
      infeasible.setLabelAnchor(RectangleAnchor.TOP);
      infeasible.setLabelTextAnchor(TextAnchor.TOP_CENTER);
      plot.addDomainMarker(infeasible, Layer.BACKGROUND);
    }
    if (f.baseline() != null) {
      ValueMarker policy = new ValueMarker(f.baseline().level() * 100);
      policy.setPaint(new Color(0x2e, 0x7d, 0x32));
      policy.setStroke(
          new BasicStroke(
              2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6, 4}, 0));
      String cost =
          f.baseline().totalCost() == null
              ? "infeasible"
              : money(f.baseline().totalCost(), f.currency());
      policy.setLabel("policy " + percent(f.baseline().level()) + ": " + cost);
      policy.setLabelFont(LABEL);
      policy.setLabelPaint(new Color(0x2e, 0x7d, 0x32));
      policy.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
      policy.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      plot.addDomainMarker(policy);
    }
    JFreeChart chart = new JFreeChart("Price of resilience", TITLE, plot, true);
    legend(chart);
    return svg(chart);
  }

  /** Cost delta per shock, ranked, bars of shocks that leave demand short in red and labelled. */
  static String stressTest(StressTestResponse t) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (StressTestResponse.ShockView s : t.shocks()) {
      // A shock the policy or rules cannot survive has no cost: no bar, its label says why.
      String label = "#" + s.rank() + " " + s.label();
      data.addValue(
          s.costDelta(),
          "cost delta",
          s.costDelta() == null ? label + " (" + s.status() + ")" : label);
    }
    CategoryAxis x = new CategoryAxis("Shock (ranked: shortfall first, then cost delta)");
    NumberAxis y = new NumberAxis("Cost delta against baseline (" + t.currency() + ")");
    y.setNumberFormatOverride(
        new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)));
    style(y);
    x.setLabelFont(LABEL);
    x.setTickLabelFont(TICK);
    BarRenderer renderer =
        new BarRenderer() {
          @Override
          public Paint getItemPaint(int row, int column) {
            return t.shocks().get(column).shortfall() > 0 ? SHORT : CURVE;
          }
        };
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDefaultItemLabelGenerator(
        new CategoryItemLabelGenerator() {
          @Override
          public String generateRowLabel(CategoryDataset dataset, int row) {
            return "";
          }

          @Override
          public String generateColumnLabel(CategoryDataset dataset, int column) {
            return "";
          }

          @Override
          public String generateLabel(CategoryDataset dataset, int row, int column) {
            StressTestResponse.ShockView s = t.shocks().get(column);
            if (s.costDelta() == null) return "";
            String delta = money(s.costDelta(), t.currency());
            return s.shortfall() > 0 ? delta + ", short " + quantity(s.shortfall()) + " t" : delta;
          }
        });
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(TICK);
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    renderer.setDefaultNegativeItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
    CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    // Room for the labels beside the longest bars, on whichever sides there are bars.
    boolean negative =
        t.shocks().stream().anyMatch(s -> s.costDelta() != null && s.costDelta() < 0);
    y.setUpperMargin(0.6);
    y.setLowerMargin(negative ? 1.0 : 0.1);
    String base =
        t.baseline() == null || t.baseline().totalCost() == null
            ? ""
            : " (baseline " + money(t.baseline().totalCost(), t.currency()) + ")";
    JFreeChart chart = new JFreeChart("Stress test: cost of each loss" + base, TITLE, plot, false);
    chart.addSubtitle(
        new org.jfree.chart.title.TextTitle(
            "red: demand left short (unmet tonnes labelled)", LABEL));
    int height = Math.max(HEIGHT, 140 + 34 * t.shocks().size());
    return svg(chart, height);
  }

  private static void legend(JFreeChart chart) {
    LegendTitle legend = chart.getLegend();
    if (legend != null) legend.setItemFont(LABEL);
  }

  private static void style(NumberAxis axis) {
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICK);
  }

  private static String varyLabel(VaryRequest vary) {
    if (vary == null || vary.kind() == null) return "Uniform country cap";
    return switch (vary.kind()) {
      case "COUNTRY_LIMIT" ->
          vary.country()
              + " cap"
              + (vary.stage() == null ? "" : " at " + vary.stage())
              + (vary.material() == null ? "" : " for " + vary.material());
      case "GROUP_LIMIT" ->
          vary.group() + " group cap" + (vary.stage() == null ? "" : " at " + vary.stage());
      default -> "Uniform country cap";
    };
  }

  private static String percent(double share) {
    return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.US))
            .format(share * 100)
        + " %";
  }

  private static String money(double amount, String currency) {
    return String.format(Locale.US, "%,.0f %s", amount, currency);
  }

  private static String quantity(double amount) {
    return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.US))
        .format(amount);
  }

  private static String svg(JFreeChart chart) {
    return svg(chart, HEIGHT);
  }

  private static String svg(JFreeChart chart, int height) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(TITLE);
    chart.setPadding(new org.jfree.chart.ui.RectangleInsets(8, 8, 8, 28));
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
    chart.draw(g, new Rectangle(0, 0, WIDTH, height));
    // The element without JFreeSVG's DOCTYPE: a parser would fetch its external DTD.
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
  }
}
