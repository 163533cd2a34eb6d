-- A plan's answer is stored gzip-compressed (an ERP-size answer, about 19 kB of JSON, is about 4 kB):
-- what the database writes and syncs per plan shrinks to about a third. Answers stored before stay
-- in result_json and are read from there; new plans leave it NULL.
ALTER TABLE allocation_plan ADD COLUMN result_gzip BYTEA;
