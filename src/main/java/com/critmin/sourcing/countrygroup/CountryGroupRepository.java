package com.critmin.sourcing.countrygroup;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** User-defined country groups by id. */
@ApplicationScoped
public class CountryGroupRepository implements PanacheRepositoryBase<CountryGroup, String> {}
