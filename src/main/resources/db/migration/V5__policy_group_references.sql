-- The stored country groups each sourcing policy's group limits name, as rows: a group's users can be
-- queried (no LIKE over the limits' JSON), and the database refuses to delete a group still in use.
-- Built-in groups (EU, FEOC, MSP) are not rows of country_group and are never referenced here.
-- V6 fills it for the policies stored before it existed.
CREATE TABLE sourcing_policy_group (
    policy_id VARCHAR(64) NOT NULL REFERENCES sourcing_policy (id) ON DELETE CASCADE,
    group_id  VARCHAR(64) NOT NULL REFERENCES country_group (id),
    PRIMARY KEY (policy_id, group_id)
);
CREATE INDEX sourcing_policy_group_group_idx ON sourcing_policy_group (group_id);
