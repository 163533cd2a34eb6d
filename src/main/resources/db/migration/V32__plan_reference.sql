-- Plan lists filter by the client's reference (an ERP requisition number), which plans echo.
ALTER TABLE allocation_plan ADD COLUMN reference VARCHAR(200);
CREATE INDEX allocation_plan_reference_idx ON allocation_plan (reference, id);
