package com.critmin.sourcing.plan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Stored plans by id. */
@ApplicationScoped
public class AllocationPlanRepository implements PanacheRepositoryBase<AllocationPlan, String> {}
