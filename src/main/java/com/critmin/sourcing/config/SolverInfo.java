package com.critmin.sourcing.config;

import com.critmin.sourcing.optimizer.SourcingOptimizer;
import com.critmin.sourcing.optimizer.ortools.OrTools;
import com.google.ortools.init.OrToolsVersion;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Loads the OR-Tools natives once at start-up and provides the one shared optimizer, whose helper
 * threads (sourcing.solver.threads) every plan shares.
 */
@ApplicationScoped
@Startup
public class SolverInfo {
  private static final Logger LOG = Logger.getLogger(SolverInfo.class);

  private final String version;
  private final SourcingOptimizer optimizer;

  public SolverInfo(SourcingConfig config) {
    long start = System.nanoTime();
    OrTools.ensureLoaded();
    this.version = "OR-Tools " + OrToolsVersion.getVersionString();
    this.optimizer = new SourcingOptimizer(config.solver().threads());
    LOG.infof(
        "Loaded %s natives in %d ms; LP engine %s, %d solver threads shared by all plans",
        version,
        (System.nanoTime() - start) / 1_000_000,
        config.solver().engine(),
        optimizer.poolThreads());
  }

  @PreDestroy
  void stop() {
    optimizer.close();
  }

  public String version() {
    return version;
  }

  public boolean ready() {
    return OrTools.isLoaded();
  }

  @Produces
  @Singleton
  SourcingOptimizer optimizer() {
    return optimizer;
  }
}
