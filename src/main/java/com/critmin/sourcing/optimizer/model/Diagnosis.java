package com.critmin.sourcing.optimizer.model;

import java.util.List;

/**
 * Why a problem is infeasible and what would fix it; {@code minFeasibleUniformCountryCap} null if
 * no cap would. {@code relaxationsNote} says how the relaxations combine. {@code ruleConflicts}:
 * when the policy alone can be met but the award rules cannot, the rules whose removal alone would
 * make the request feasible (empty otherwise).
 */
public record Diagnosis(
    List<MaterialDiagnosis> materials,
    Double minFeasibleUniformCountryCap,
    List<Relaxation> relaxations,
    String relaxationsNote,
    List<RuleConflict> ruleConflicts) {

  public Diagnosis {
    ruleConflicts = Copies.list(ruleConflicts);
    materials = Copies.list(materials);
    relaxations = Copies.list(relaxations);
  }

  public Diagnosis(
      List<MaterialDiagnosis> materials,
      Double minFeasibleUniformCountryCap,
      List<Relaxation> relaxations,
      String relaxationsNote) {
    this(materials, minFeasibleUniformCountryCap, relaxations, relaxationsNote, null);
  }
}
