package com.critmin.sourcing.optimizer.model;

import java.util.List;

/**
 * Why a problem is infeasible and what would fix it; {@code minFeasibleUniformCountryCap} null if
 * no cap would. {@code relaxationsNote} says how the relaxations combine.
 */
public record Diagnosis(
    List<MaterialDiagnosis> materials,
    Double minFeasibleUniformCountryCap,
    List<Relaxation> relaxations,
    String relaxationsNote) {

  public Diagnosis {
    materials = Copies.list(materials);
    relaxations = Copies.list(relaxations);
  }
}
