package com.critmin.sourcing.policy;

import com.critmin.sourcing.stage.StageUsage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Sourcing policies use the stages their limits name. */
@ApplicationScoped
class PolicyStageUsage implements StageUsage {
  private final SourcingPolicyRepository policies;

  PolicyStageUsage(SourcingPolicyRepository policies) {
    this.policies = policies;
  }

  @Override
  public Optional<String> usesOfStage(String stageId) {
    List<String> users = policies.idsNamingStage(stageId);
    return users.isEmpty() ? Optional.empty() : Optional.of("sourcing policies " + users);
  }
}
