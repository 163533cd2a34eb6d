package com.critmin.sourcing.countrygroup;

import java.util.Optional;

/**
 * Implemented by each feature that refers to country groups, so that deleting a group can ask who
 * still uses it without the country-group feature depending on any of them.
 */
public interface CountryGroupUsage {
  /**
   * What here still uses the group, such as "sourcing policies [a, b]"; empty when nothing does.
   */
  Optional<String> usesOfGroup(String groupId);
}
