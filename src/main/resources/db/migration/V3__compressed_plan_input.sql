-- A plan's canonical input is stored gzip-compressed: 100,000 offers are about 15 MB of JSON, 2 MB compressed.
ALTER TABLE allocation_plan ADD COLUMN input_gzip BYTEA;
ALTER TABLE allocation_plan DROP COLUMN request_json;
