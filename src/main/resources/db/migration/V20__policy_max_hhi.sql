-- A policy's cap on the Herfindahl-Hirschman index (0 to 10,000) per material and stage. Spend caps
-- need no column: the basis of a country or group limit is a member of the limits' JSON.
ALTER TABLE sourcing_policy ADD COLUMN max_hhi DOUBLE PRECISION;
