package com.critmin.sourcing.offer;

import com.critmin.sourcing.stage.StageUsage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Offers use the stages their origins name. */
@ApplicationScoped
class OfferStageUsage implements StageUsage {
  private final OfferRepository offers;

  OfferStageUsage(OfferRepository offers) {
    this.offers = offers;
  }

  @Override
  public Optional<String> usesOfStage(String stageId) {
    long count = offers.countNamingStage(stageId);
    return count == 0 ? Optional.empty() : Optional.of(count + " offer(s)");
  }
}
