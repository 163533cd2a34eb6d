-- Frontiers and stress tests: immutable once final, stored like plans with their input snapshot
-- (gzip-compressed canonical JSON) and its digest, and the answer as JSON text.
CREATE TABLE analysis_run (
    id              VARCHAR(32)  PRIMARY KEY,
    kind            VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    completed_at    TIMESTAMP WITH TIME ZONE,
    currency        VARCHAR(3)   NOT NULL,
    input_digest    VARCHAR(80)  NOT NULL,
    input_gzip      BYTEA,
    result_json     TEXT,
    version         BIGINT       NOT NULL
);
CREATE INDEX analysis_run_kind_idx ON analysis_run (kind, id);
