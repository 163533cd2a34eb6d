package com.critmin.sourcing.plan;

import com.critmin.sourcing.optimizer.model.OfferInput;
import java.util.List;
import java.util.Set;

/**
 * Where a plan's offers come from: inline in the request ({@link InlineOffers}) or stored ({@link
 * StoredOffers}). Gives the offers the optimizer validates, the request field each one is named by,
 * the offers a solve uses, and which suppliers and offers a scenario may name.
 */
interface OfferSource {

  /** The offers the optimizer's validator checks, in order. */
  List<OfferInput> offers();

  /** The request field that names {@code offers().get(index)}, such as {@code offers[3]}. */
  String field(int index);

  /** The offers a solve uses: those of demanded materials that are valid on the plan's day. */
  List<OfferInput> solved();

  /** The ids among these that a scenario may name as suppliers. */
  Set<String> knownSuppliers(Set<String> ids);

  /** The ids among these that a scenario may name as offers. */
  Set<String> knownOffers(Set<String> ids);

  /** The names of the suppliers of these offers that are known, by supplier id. */
  java.util.Map<String, String> supplierNames(List<OfferInput> offers);

  /** The fixed costs of the suppliers of these offers that have one, by supplier id. */
  java.util.Map<String, Double> fixedCosts();

  /** Where a name a scenario gives is looked for, as an error says it: "" or " among ...". */
  String where();

  /** "; did you mean 'x'?" for a supplier id this source does not know, or nothing. */
  String supplierHint(String id);

  /** "; did you mean 'x'?" for an offer id this source does not know, or nothing. */
  String offerHint(String id);
}
