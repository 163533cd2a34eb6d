package com.critmin.sourcing.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the solver's native library is loaded (the database has its own check). */
@Readiness
@ApplicationScoped
public class SolverReadinessCheck implements HealthCheck {
  private final SolverInfo solver;

  public SolverReadinessCheck(SolverInfo solver) {
    this.solver = solver;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("solver")
        .status(solver.ready())
        .withData("library", solver.version())
        .build();
  }
}
