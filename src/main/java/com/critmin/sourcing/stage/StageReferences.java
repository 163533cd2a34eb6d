package com.critmin.sourcing.stage;

import com.critmin.sourcing.analysis.api.FrontierRequest;
import com.critmin.sourcing.analysis.api.ShockRequest;
import com.critmin.sourcing.analysis.api.StressTestRequest;
import com.critmin.sourcing.common.ResourceIds;
import com.critmin.sourcing.offer.api.OfferRequest;
import com.critmin.sourcing.plan.api.CountryOutageRequest;
import com.critmin.sourcing.plan.api.InlineOffer;
import com.critmin.sourcing.plan.api.PlanRequest;
import com.critmin.sourcing.plan.api.ScenarioRequest;
import com.critmin.sourcing.policy.PolicyLimits;
import com.critmin.sourcing.policy.api.SourcingPolicyRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stages a request body names, each with its field: policy limits, offers' origins, scenario
 * outages, a frontier's varied limit and a stress test's shocks. Names that are not even well
 * formed are left out (Bean Validation already names them), and so is SUPPLY in origins.
 */
public final class StageReferences {
  private static final String SUPPLY = "SUPPLY";

  private StageReferences() {}

  /** The references of a request body of any kind this service takes; none for other objects. */
  public static List<StageService.Reference> of(Object body) {
    List<StageService.Reference> found = new ArrayList<>();
    if (body instanceof PlanRequest plan) {
      addProblem(plan.policy(), plan.scenario(), plan.offers(), found);
    } else if (body instanceof FrontierRequest frontier) {
      addProblem(frontier.policy(), frontier.scenario(), frontier.offers(), found);
      if (frontier.vary() != null) add("vary.stage", frontier.vary().stage(), found);
    } else if (body instanceof StressTestRequest stress) {
      addProblem(stress.policy(), stress.scenario(), stress.offers(), found);
      List<ShockRequest> shocks = stress.shocks();
      for (int i = 0; shocks != null && i < shocks.size(); i++) {
        if (shocks.get(i) != null) add("shocks[" + i + "].stage", shocks.get(i).stage(), found);
      }
    } else if (body instanceof SourcingPolicyRequest policy) {
      found.addAll(ofLimits(policy.limits(), ""));
    } else if (body instanceof OfferRequest offer) {
      addOrigins("", offer.origins(), found);
    } else if (body instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof OfferRequest offer) {
          addOrigins("[" + i + "].", offer.origins(), found);
        }
      }
    }
    return found;
  }

  /** The stages a policy's limits name; {@code prefix} goes before each field ("policy."). */
  public static List<StageService.Reference> ofLimits(PolicyLimits limits, String prefix) {
    List<StageService.Reference> found = new ArrayList<>();
    if (limits == null) return found;
    var countryLimits = limits.countryLimits();
    for (int i = 0; countryLimits != null && i < countryLimits.size(); i++) {
      if (countryLimits.get(i) != null) {
        add(prefix + "countryLimits[" + i + "].stage", countryLimits.get(i).stage(), found);
      }
    }
    var groupLimits = limits.groupLimits();
    for (int i = 0; groupLimits != null && i < groupLimits.size(); i++) {
      if (groupLimits.get(i) != null) {
        add(prefix + "groupLimits[" + i + "].stage", groupLimits.get(i).stage(), found);
      }
    }
    return found;
  }

  private static void addProblem(
      PolicyLimits policy,
      ScenarioRequest scenario,
      List<InlineOffer> offers,
      List<StageService.Reference> found) {
    found.addAll(ofLimits(policy, "policy."));
    if (scenario != null && scenario.countryOutages() != null) {
      List<CountryOutageRequest> outages = scenario.countryOutages();
      for (int i = 0; i < outages.size(); i++) {
        List<String> stages = outages.get(i) == null ? null : outages.get(i).stages();
        for (int k = 0; stages != null && k < stages.size(); k++) {
          add("scenario.countryOutages[" + i + "].stages[" + k + "]", stages.get(k), found);
        }
      }
    }
    for (int i = 0; offers != null && i < offers.size(); i++) {
      if (offers.get(i) != null) addOrigins("offers[" + i + "].", offers.get(i).origins(), found);
    }
  }

  private static void addOrigins(
      String prefix, Map<String, String> origins, List<StageService.Reference> found) {
    if (origins == null) return;
    for (String stage : origins.keySet()) {
      if (!SUPPLY.equals(stage)) add(prefix + "origins[" + stage + "]", stage, found);
    }
  }

  private static void add(String field, String stage, List<StageService.Reference> found) {
    if (stage != null && stage.matches(ResourceIds.STAGE_REGEX)) {
      found.add(new StageService.Reference(field, stage));
    }
  }
}
