package com.critmin.sourcing.optimizer;

import com.critmin.sourcing.optimizer.model.ConstraintKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Business wording of binding limits and relaxations; numbers in Locale.US with thousands separators. */
final class Explanations {
    private Explanations() {}

    static String money(double amount) {
        return String.format(Locale.US, "%,.2f", amount);
    }

    static String quantity(double amount) {
        BigDecimal value = BigDecimal.valueOf(amount).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return String.format(Locale.US, "%,." + Math.max(0, value.scale()) + "f", value);
    }

    /** A share as a percentage with up to two decimals, rounded in the given direction. */
    static String percent(double share, RoundingMode mode) {
        BigDecimal value = BigDecimal.valueOf(share * 100).setScale(6, RoundingMode.HALF_UP)
                .setScale(2, mode).stripTrailingZeros();
        return value.toPlainString() + " %";
    }

    static String subject(ConstraintKind kind, String material, String stage, String country, String group,
                          String supplier) {
        return switch (kind) {
            case COUNTRY_CAP -> "the " + country + " cap for " + material + " at " + stage;
            case GROUP_CAP -> "the " + group + " group cap for " + material + " at " + stage;
            case GROUP_MIN -> "the " + group + " minimum share for " + material + " at " + stage;
            case SUPPLIER_CAP -> "the supplier cap for " + supplier + " on " + material;
            default -> kind + " for " + material;
        };
    }

    static String binding(ConstraintKind kind, String material, String stage, String country, String group,
                          String supplier, double shadowPrice, double demand, String currency) {
        boolean minimum = kind == ConstraintKind.GROUP_MIN;
        double savings = (minimum ? shadowPrice : -shadowPrice) * demand * 0.01;
        return (minimum ? "lowering " : "raising ") + subject(kind, material, stage, country, group, supplier)
                + " by 1 percentage point saves " + money(savings) + " " + currency;
    }

    static String relaxation(ConstraintKind kind, String material, String stage, String country, String group,
                             String supplier, double from, double to) {
        return switch (kind) {
            case COUNTRY_CAP -> "raise " + country + " at " + stage + " for " + material + " from "
                    + percent(from, RoundingMode.HALF_UP) + " to " + percent(to, RoundingMode.CEILING);
            case GROUP_CAP -> "raise the " + group + " group cap at " + stage + " for " + material + " from "
                    + percent(from, RoundingMode.HALF_UP) + " to " + percent(to, RoundingMode.CEILING);
            case GROUP_MIN -> "lower the " + group + " minimum share at " + stage + " for " + material + " from "
                    + percent(from, RoundingMode.HALF_UP) + " to " + percent(to, RoundingMode.FLOOR);
            case SUPPLIER_CAP -> "raise the supplier cap for " + supplier + " on " + material + " from "
                    + percent(from, RoundingMode.HALF_UP) + " to " + percent(to, RoundingMode.CEILING);
            case EXCLUSION -> "lift the exclusion of " + country + " for " + material + " for up to "
                    + percent(to, RoundingMode.CEILING) + " of demand";
            case CAPACITY -> "capacity is short: reduce demand for " + material + " from " + quantity(from)
                    + " to " + quantity(to) + " or add capacity";
        };
    }
}
