package com.critmin.sourcing.policy;

import com.critmin.sourcing.countrygroup.CountryGroupUsage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Sourcing policies use the country groups their group limits name. */
@ApplicationScoped
class PolicyGroupUsage implements CountryGroupUsage {
  private final SourcingPolicyRepository policies;

  PolicyGroupUsage(SourcingPolicyRepository policies) {
    this.policies = policies;
  }

  @Override
  public Optional<String> usesOfGroup(String groupId) {
    List<String> users = policies.idsUsingGroup(groupId);
    return users.isEmpty() ? Optional.empty() : Optional.of("sourcing policies " + users);
  }
}
