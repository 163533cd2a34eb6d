-- Solved plans: immutable once final; the input snapshot and the result are stored as JSON text.
CREATE TABLE allocation_plan (
    id              VARCHAR(32)  PRIMARY KEY,
    status          VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    currency        VARCHAR(3)   NOT NULL,
    total_cost      DOUBLE PRECISION,
    engine          VARCHAR(32),
    solver_version  VARCHAR(64),
    input_digest    VARCHAR(80)  NOT NULL,
    request_json    TEXT         NOT NULL,
    result_json     TEXT,
    version         BIGINT       NOT NULL
);
CREATE INDEX allocation_plan_created_idx ON allocation_plan (created_at, id);
CREATE INDEX allocation_plan_status_idx ON allocation_plan (status, created_at);
