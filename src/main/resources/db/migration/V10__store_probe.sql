-- One row per replica, written and committed by every readiness check: ready means able to commit.
CREATE TABLE store_probe (
    replica    VARCHAR(64) PRIMARY KEY,
    probed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
