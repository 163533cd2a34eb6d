package com.critmin.sourcing.optimizer;

import com.critmin.sourcing.optimizer.model.ConstraintKind;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PolicyRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Business wording of binding limits and relaxations; numbers in Locale.US with thousands
 * separators.
 */
public final class Explanations {
  private Explanations() {}

  /**
   * An amount with its currency, in the currency's minor unit ("84,120,000.00 USD", "12,346 JPY"),
   * as the plan's figures are: half-up on the shortest decimal, as Formatter rounds, without the
   * cost of a Formatter (it was a few percent of an ERP-size plan's CPU).
   */
  static String money(double amount, String currency) {
    int scale = minorDigits(currency);
    if (!Double.isFinite(amount)) {
      return String.format(Locale.US, "%,." + scale + "f", amount) + " " + currency;
    }
    String digits =
        BigDecimal.valueOf(amount).abs().setScale(scale, RoundingMode.HALF_UP).toPlainString();
    boolean negative = amount < 0 || (amount == 0 && 1 / amount < 0);
    int point = digits.indexOf('.');
    if (point < 0) point = digits.length();
    StringBuilder text = new StringBuilder(digits.length() + point / 3 + 5);
    if (negative) {
      text.append('-');
    }
    for (int i = 0; i < point; i++) {
      if (i > 0 && (point - i) % 3 == 0) {
        text.append(',');
      }
      text.append(digits.charAt(i));
    }
    return text.append(digits, point, digits.length()).append(' ').append(currency).toString();
  }

  /** ISO 4217 minor unit of a currency; 2 for a code the JVM does not know or one without one. */
  public static int minorDigits(String currency) {
    try {
      int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? 2 : digits;
    } catch (IllegalArgumentException | NullPointerException e) {
      return 2;
    }
  }

  static String quantity(double amount) {
    BigDecimal value =
        BigDecimal.valueOf(amount).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    return String.format(Locale.US, "%,." + Math.max(0, value.scale()) + "f", value);
  }

  /** A share as a percentage with up to two decimals, rounded in the given direction. */
  static String percent(double share, RoundingMode mode) {
    BigDecimal value =
        BigDecimal.valueOf(share * 100)
            .setScale(6, RoundingMode.HALF_UP)
            .setScale(2, mode)
            .stripTrailingZeros();
    return value.toPlainString() + " %";
  }

  static String subject(
      ConstraintKind kind,
      String material,
      String stage,
      String country,
      String group,
      String supplier) {
    return switch (kind) {
      case COUNTRY_CAP -> "the " + country + " cap for " + material + " at " + stage;
      case GROUP_CAP -> "the " + group + " group cap for " + material + " at " + stage;
      case GROUP_MIN -> "the " + group + " minimum share for " + material + " at " + stage;
      case SUPPLIER_CAP -> "the supplier cap for " + supplier + " on " + material;
      default -> kind + " for " + material;
    };
  }

  static String binding(
      ConstraintKind kind,
      String material,
      String stage,
      String country,
      String group,
      String supplier,
      double shadowPrice,
      double demand,
      String currency) {
    boolean minimum = kind == ConstraintKind.GROUP_MIN;
    double savings = (minimum ? shadowPrice : -shadowPrice) * demand * 0.01;
    return (minimum ? "lowering " : "raising ")
        + subject(kind, material, stage, country, group, supplier)
        + " by 1 percentage point saves "
        + money(savings, currency);
  }

  /** The subject without the material, for listing tied limits: "the CN cap at SUPPLY". */
  static String shortSubject(PolicyRow row) {
    return switch (row.kind) {
      case COUNTRY_CAP ->
          "the " + row.country + (row.isSpend() ? " spend cap at " : " cap at ") + row.stage;
      case GROUP_CAP ->
          "the "
              + row.group
              + (row.isSpend() ? " group spend cap at " : " group cap at ")
              + row.stage;
      case GROUP_MIN -> "the " + row.group + " minimum share at " + row.stage;
      case SUPPLIER_CAP -> "the supplier cap for " + row.supplier;
      default -> row.kind.toString();
    };
  }

  private static String verb(PolicyRow row) {
    return row.isLowerBound() ? "lowering " : "raising ";
  }

  private static String saves(double amount, String currency) {
    return amount > 0 ? "saves " + money(amount, currency) : "saves nothing";
  }

  /**
   * The k-th binding row of an analysis in business terms. With an exact figure: what relaxing the
   * limit alone by one percentage point saves, and when that is nothing because other limits bind
   * on the same offers, which ones and what relaxing them all together saves. Without one (large
   * parts): the dual-based figure, and for a tied row without a dual of its own, the dual-based
   * bound on relaxing the whole group (the LP value is convex in the limits, so the duals of any
   * optimal basis bound the saving from above).
   */
  /** A binding HHI cap: what raising it by 100 index points saves, from its price. */
  static String hhiBinding(String material, String stage, double pricePerPoint, String currency) {
    return "raising the HHI cap for "
        + material
        + " at "
        + stage
        + " by 100 points saves "
        + money(-pricePerPoint * 100, currency);
  }

  /**
   * A binding spend cap from its dual: the row is {@code spend inside - share x total spend <= 0},
   * so one percentage point more loosens it by 1 % of the material's spend.
   */
  static String spendBinding(
      PolicyRow row, String material, double dual, double spend, String currency) {
    double savings = (row.isLowerBound() ? dual : -dual) * spend * 0.01;
    String subject =
        row.kind == ConstraintKind.COUNTRY_CAP
            ? "the " + row.country + " spend cap for " + material + " at " + row.stage
            : "the "
                + row.group
                + (row.isLowerBound() ? " minimum spend share for " : " group spend cap for ")
                + material
                + " at "
                + row.stage;
    return (row.isLowerBound() ? "lowering " : "raising ")
        + subject
        + " by 1 percentage point saves about "
        + money(savings, currency);
  }

  static String binding(
      MaterialPart part, BindingAnalysis analysis, int k, double[] duals, String currency) {
    PolicyRow row = part.rows.get(analysis.rows[k]);
    return bindingText(part, analysis, k, duals, currency) + tighter(row);
  }

  /**
   * The k-th binding row's tie group as one statement: "the CN cap at SEPARATION, the CN cap at
   * MINING and the FEOC group cap at SEPARATION bind together on the same offers of NDPR_OXIDE:
   * raising all three together by 1 percentage point saves 72,000.00 USD". Without an exact joint
   * figure, the bound the duals give, or nothing.
   */
  static String tie(
      MaterialPart part, BindingAnalysis analysis, int k, double[] duals, String currency) {
    PolicyRow row = part.rows.get(analysis.rows[k]);
    int[] tied = analysis.tiedWith(k);
    int[] all = new int[tied.length + 1];
    all[0] = analysis.rows[k];
    System.arraycopy(tied, 0, all, 1, tied.length);
    java.util.Arrays.sort(all);
    String text = list(part, all) + " bind together on the same offers of " + part.material;
    double joint = analysis.joint[analysis.group[k]];
    if (!Double.isNaN(joint)) {
      return text
          + ": "
          + together(part, row, tied)
          + " together by 1 percentage point "
          + saves(joint, currency);
    }
    if (!analysis.basisDuals) return text;
    double bound = 0;
    for (int r : all) {
      PolicyRow member = part.rows.get(r);
      bound += (member.isLowerBound() ? duals[r] : -duals[r]) * part.demand * 0.01;
    }
    return text
        + ": "
        + together(part, row, tied)
        + " together by 1 percentage point saves at most "
        + money(bound, currency);
  }

  /** "; of 2 entries for this target, 50 % binds (the looser 65 % does not)". */
  static String tighter(PolicyRow row) {
    double[] looser = row.looser();
    if (looser == null) return "";
    StringBuilder others = new StringBuilder();
    for (int i = 0; i < looser.length; i++) {
      if (i > 0) others.append(i == looser.length - 1 ? " and " : ", ");
      others.append(percent(looser[i], RoundingMode.HALF_UP));
    }
    return "; of "
        + (looser.length + 1)
        + " policy entries for this target, the tighter "
        + percent(row.share, RoundingMode.HALF_UP)
        + " binds (the looser "
        + others
        + (looser.length == 1 ? " does not)" : " do not)");
  }

  private static String bindingText(
      MaterialPart part, BindingAnalysis analysis, int k, double[] duals, String currency) {
    PolicyRow row = part.rows.get(analysis.rows[k]);
    String subject =
        subject(row.kind, part.material, row.stage, row.country, row.group, row.supplier);
    double alone = analysis.alone[k];
    double dual = duals[analysis.rows[k]];
    int[] tied = analysis.tiedWith(k);
    if (Double.isNaN(alone)) {
      double dualNoise = 1e-9 * Math.max(1.0, part.maxPrice);
      if (tied.length == 0 || Math.abs(dual) > dualNoise) {
        return binding(
            row.kind,
            part.material,
            row.stage,
            row.country,
            row.group,
            row.supplier,
            dual,
            part.demand,
            currency);
      }
      if (!analysis.basisDuals) return subject + " binds together with " + list(part, tied);
      double bound = (row.isLowerBound() ? dual : -dual) * part.demand * 0.01;
      for (int r : tied) {
        PolicyRow other = part.rows.get(r);
        bound += (other.isLowerBound() ? duals[r] : -duals[r]) * part.demand * 0.01;
      }
      return subject
          + " binds together with "
          + list(part, tied)
          + "; "
          + together(part, row, tied)
          + " by 1 percentage point saves at most "
          + money(bound, currency);
    }
    if (alone > 0 || tied.length == 0) {
      return verb(row) + subject + " by 1 percentage point " + saves(alone, currency);
    }
    String text =
        verb(row) + subject + " alone saves nothing: it binds together with " + list(part, tied);
    double joint = analysis.joint[analysis.group[k]];
    if (Double.isNaN(joint)) return text;
    return text
        + "; "
        + together(part, row, tied)
        + " by 1 percentage point "
        + saves(joint, currency);
  }

  private static String list(MaterialPart part, int[] rows) {
    StringBuilder text = new StringBuilder();
    for (int j = 0; j < rows.length; j++) {
      if (j > 0) text.append(j == rows.length - 1 ? " and " : ", ");
      text.append(shortSubject(part.rows.get(rows[j])));
    }
    return text.toString();
  }

  /** "raising all three", "lowering both", "relaxing all four" (caps raised and minima lowered). */
  private static String together(MaterialPart part, PolicyRow row, int[] tied) {
    boolean caps = !row.isLowerBound();
    boolean minima = row.isLowerBound();
    for (int r : tied) {
      boolean lower = part.rows.get(r).isLowerBound();
      caps |= !lower;
      minima |= lower;
    }
    String verb = caps && minima ? "relaxing " : minima ? "lowering " : "raising ";
    int size = tied.length + 1;
    String[] words = {
      "",
      "",
      "both",
      "all three",
      "all four",
      "all five",
      "all six",
      "all seven",
      "all eight",
      "all nine",
      "all ten"
    };
    return verb + (size < words.length ? words[size] : "all " + size);
  }

  static String relaxation(
      ConstraintKind kind,
      String material,
      String stage,
      String country,
      String group,
      String supplier,
      double from,
      double to) {
    return switch (kind) {
      case COUNTRY_CAP ->
          "raise "
              + country
              + " at "
              + stage
              + " for "
              + material
              + " from "
              + percent(from, RoundingMode.HALF_UP)
              + " to "
              + percent(to, RoundingMode.CEILING);
      case GROUP_CAP ->
          "raise the "
              + group
              + " group cap at "
              + stage
              + " for "
              + material
              + " from "
              + percent(from, RoundingMode.HALF_UP)
              + " to "
              + percent(to, RoundingMode.CEILING);
      case GROUP_MIN ->
          "lower the "
              + group
              + " minimum share at "
              + stage
              + " for "
              + material
              + " from "
              + percent(from, RoundingMode.HALF_UP)
              + " to "
              + percent(to, RoundingMode.FLOOR);
      case SUPPLIER_CAP ->
          "raise the supplier cap for "
              + supplier
              + " on "
              + material
              + " from "
              + percent(from, RoundingMode.HALF_UP)
              + " to "
              + percent(to, RoundingMode.CEILING);
      case EXCLUSION ->
          "lift the exclusion of "
              + country
              + " for "
              + material
              + " for up to "
              + percent(to, RoundingMode.CEILING)
              + " of demand";
      case HHI_CAP ->
          "raise the HHI cap for "
              + material
              + " at "
              + stage
              + " from "
              + String.format(Locale.US, "%,.0f", from)
              + " to "
              + String.format(Locale.US, "%,.0f", Math.ceil(to));
      case CAPACITY ->
          "capacity is short: reduce demand for "
              + material
              + " from "
              + quantity(from)
              + " to "
              + quantity(to)
              + " or add capacity";
    };
  }
}
