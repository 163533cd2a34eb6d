package com.critmin.sourcing.optimizer.model;

import java.util.List;

/**
 * A policy limit that is tight at the optimum and costs money, alone or together with other limits
 * tight on the same offers. {@code limit} is a share of demand.
 *
 * <p>{@code shadowPrice} is the LP dual of the row in the solver's optimal basis, in cost per unit
 * of quantity (negative for a binding cap, positive for a binding minimum). When the optimum is
 * degenerate (several limits tight on the same offers) the basis is one of several and the solver
 * may put the whole dual on any one of the tied rows, so a row can show a dual although relaxing it
 * alone saves nothing, and a tied row can show 0.
 *
 * <p>{@code savingsPerPercentagePoint}: what relaxing this limit alone by one percentage point of
 * demand (a cap raised, a minimum lowered) saves in the request currency, found by re-solving the
 * material with only this limit moved; null when the material was too large to re-solve (the
 * explanation then uses the dual). {@code jointSavingsPerPercentagePoint}: what relaxing every
 * limit tight together with this one (on offers it shares with them) by one percentage point at
 * once saves; null when the limit is not tied or it was not computed. Both include shortfall
 * penalties, like the LP objective.
 *
 * <p>{@code basis}: SPEND for a cap on a share of purchase cost (its dual is per unit of spend over
 * the cap); QUANTITY otherwise. An HHI_CAP's limit is the index (0 to 10,000) and its shadow price
 * the cost per index point.
 *
 * <p>{@code name} is the limit's row name, e.g. {@code cap[CN,SEPARATION,NDPR_OXIDE]}. {@code tie}
 * says which limits bind together with this one (itself included), once for all of them; null when
 * it binds alone. A tied limit's dual is one of several a degenerate optimum allows: the tie's
 * joint figure is what means something.
 */
public record BindingConstraint(
    ConstraintKind kind,
    String material,
    String stage,
    String country,
    String group,
    String supplier,
    double limit,
    double shadowPrice,
    String explanation,
    Double savingsPerPercentagePoint,
    Double jointSavingsPerPercentagePoint,
    Basis basis,
    String name,
    Tie tie) {

  /**
   * Limits that bind together on the same offers: {@code id} is the same for all of them, {@code
   * limits} their names in row order, the saving of relaxing all together by one percentage point
   * (null when not computed) and the statement.
   */
  public record Tie(
      String id, List<String> limits, Double jointSavingsPerPercentagePoint, String explanation) {
    public Tie {
      limits = Copies.list(limits);
    }
  }

  public BindingConstraint {
    basis = basis == null ? Basis.QUANTITY : basis;
  }

  /** The same limit with another statement. */
  public BindingConstraint withExplanation(String newExplanation) {
    return new BindingConstraint(
        kind,
        material,
        stage,
        country,
        group,
        supplier,
        limit,
        shadowPrice,
        newExplanation,
        savingsPerPercentagePoint,
        jointSavingsPerPercentagePoint,
        basis,
        name,
        tie);
  }
}
