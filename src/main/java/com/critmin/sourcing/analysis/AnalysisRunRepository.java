package com.critmin.sourcing.analysis;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Stored analysis runs by id. */
@ApplicationScoped
public class AnalysisRunRepository implements PanacheRepositoryBase<AnalysisRun, String> {}
