package com.critmin.sourcing.stage;

import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.error.ReferenceCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Every stage a request body names must be in the vocabulary (see {@link StageReferences}). */
@ApplicationScoped
public class StageReferenceCheck implements ReferenceCheck {
  private final StageService stages;

  public StageReferenceCheck(StageService stages) {
    this.stages = stages;
  }

  @Override
  public void addErrors(Object body, List<Problem.FieldError> errors) {
    stages.check(StageReferences.of(body), false, errors);
  }
}
