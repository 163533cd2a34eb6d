package com.critmin.sourcing.optimizer.ortools;

import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import java.util.List;

/**
 * Every part in one model, as the optimizer would solve it without splitting by material: the
 * benchmark's yardstick for the split, kept out of the service.
 */
public final class MonolithicLp {
  private MonolithicLp() {}

  /** The summed cost of purchases plus shortfall penalties, or NaN when not OPTIMAL. */
  public static double solve(List<MaterialPart> parts, Engine engine, long deadlineNanos) {
    MPSolver solver = LpPartSolver.create(engine);
    try {
      MPModelProto.Builder model = MPModelProto.newBuilder();
      for (MaterialPart part : parts) {
        if (part.availableCount > 0) LpPartSolver.append(model, part, false);
      }
      LpPartSolver.load(solver, model, false, "all");
      solver.setTimeLimit(LpPartSolver.remainingMillis(deadlineNanos));
      MPSolver.ResultStatus status = solver.solve();
      return status == MPSolver.ResultStatus.OPTIMAL ? solver.objective().value() : Double.NaN;
    } finally {
      solver.delete();
    }
  }
}
