-- Plan lists filter by demanded material and by the stored policy a plan was solved under.
ALTER TABLE allocation_plan ADD COLUMN policy_id VARCHAR(64);
CREATE INDEX allocation_plan_policy_idx ON allocation_plan (policy_id, id);
CREATE TABLE allocation_plan_material (
    plan_id   VARCHAR(32) NOT NULL REFERENCES allocation_plan (id),
    material  VARCHAR(64) NOT NULL,
    PRIMARY KEY (plan_id, material)
);
CREATE INDEX allocation_plan_material_idx ON allocation_plan_material (material, plan_id);
