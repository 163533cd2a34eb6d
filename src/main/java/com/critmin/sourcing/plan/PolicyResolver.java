package com.critmin.sourcing.plan;

import com.critmin.sourcing.countrygroup.CountryGroupService;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.optimizer.model.Basis;
import com.critmin.sourcing.optimizer.model.CountryLimit;
import com.critmin.sourcing.optimizer.model.GroupLimit;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.policy.LimitBasis;
import com.critmin.sourcing.policy.PolicyLimits;
import com.critmin.sourcing.policy.SourcingPolicyService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The limits a plan request asks for: its stored policy or preset ({@code policyId}), overridden
 * field by field by its inline {@code policy}, with every country group resolved to its countries.
 * A policy or group that does not exist is a field error (422).
 */
@ApplicationScoped
class PolicyResolver {
  private final SourcingPolicyService policies;
  private final CountryGroupService groups;

  PolicyResolver(SourcingPolicyService policies, CountryGroupService groups) {
    this.policies = policies;
    this.groups = groups;
  }

  /**
   * The limits, and the request field of their country and group limit lists: {@code
   * policy.countryLimits} when given inline, null when they are the stored policy's.
   */
  record Resolved(Limits limits, String countryLimitsField, String groupLimitsField) {}

  Resolved resolve(String policyId, PolicyLimits inline, List<Problem.FieldError> errors) {
    PolicyLimits base = PolicyLimits.NONE;
    if (policyId != null) {
      Optional<PolicyLimits> stored = policies.effectiveLimits(policyId);
      if (stored.isEmpty()) {
        errors.add(
            new Problem.FieldError(
                "policyId",
                "no stored policy or preset '"
                    + policyId
                    + "'"
                    + policies.hint(policyId)
                    + " (see /v1/sourcing-policies and /v1/policy-presets)"));
      } else {
        base = stored.get();
      }
    }
    if (inline != null) {
      // The same rules as a stored policy's, named under "policy.".
      errors.addAll(policies.validate(inline, "policy."));
    }
    // Group limits given inline replace the stored ones, and validate() has named their missing
    // groups; a missing group of the stored policy is the stored policy's problem.
    boolean inlineGroups = inline != null && inline.groupLimits() != null;
    boolean inlineCountries = inline != null && inline.countryLimits() != null;
    return new Resolved(
        toLimits(base.overriddenBy(inline), inlineGroups, errors),
        inlineCountries || policyId == null ? "policy.countryLimits" : null,
        inlineGroups || policyId == null ? "policy.groupLimits" : null);
  }

  private Limits toLimits(
      PolicyLimits limits, boolean inlineGroups, List<Problem.FieldError> errors) {
    List<CountryLimit> countryLimits = new ArrayList<>();
    if (limits.countryLimits() != null) {
      for (var limit : limits.countryLimits()) {
        if (limit != null) {
          countryLimits.add(
              new CountryLimit(
                  limit.country(),
                  limit.stage(),
                  limit.material(),
                  limit.maxShare(),
                  basis(limit.basis())));
        }
      }
    }
    List<GroupLimit> groupLimits = new ArrayList<>();
    if (limits.groupLimits() != null) {
      for (var limit : limits.groupLimits()) {
        if (limit == null) {
          continue;
        }
        Optional<Set<String>> countries = groups.countries(limit.group());
        if (countries.isEmpty()) {
          if (!inlineGroups) {
            errors.add(
                new Problem.FieldError(
                    "policyId",
                    "the policy names country group '"
                        + limit.group()
                        + "', which no longer exists"));
          }
          continue;
        }
        groupLimits.add(
            new GroupLimit(
                limit.group(),
                countries.get(),
                limit.maxShare(),
                limit.minShare(),
                limit.stage(),
                limit.material(),
                basis(limit.basis())));
      }
    }
    return new Limits(
        limits.maxCountryShare(),
        countryLimits,
        groupLimits,
        limits.maxSupplierShare(),
        limits.excludedCountries() == null ? null : new HashSet<>(limits.excludedCountries()),
        limits.maxHhi(),
        limits.minSuppliers(),
        limits.maxSuppliers());
  }

  private static Basis basis(LimitBasis basis) {
    return basis == LimitBasis.SPEND ? Basis.SPEND : Basis.QUANTITY;
  }
}
