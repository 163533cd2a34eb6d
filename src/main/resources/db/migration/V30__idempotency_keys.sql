-- Idempotency-Key of POST requests (IETF httpapi-idempotency-key-header): one row per caller, operation and key,
-- so that a retry on any replica gets the first answer. The primary key is what resolves two concurrent
-- requests with one key: the second insert fails and that request waits for the first one's answer.
CREATE TABLE idempotency_key (
    id               VARCHAR(64)   PRIMARY KEY,   -- SHA-256 of scope, operation and key, hex
    scope            VARCHAR(255)  NOT NULL,      -- the caller: the token's subject, or 'anonymous'
    operation        VARCHAR(64)   NOT NULL,      -- e.g. 'POST /v1/allocation-plans'
    idem_key         VARCHAR(255)  NOT NULL,
    request_digest   VARCHAR(80)   NOT NULL,      -- SHA-256 of the request (body and mode)
    response_status  INTEGER,                     -- null while the first request is still running
    response_body    TEXT,                        -- the answer as sent, when it is not a stored plan
    location         VARCHAR(512),
    resource_id      VARCHAR(64),                 -- the plan created (its stored JSON is the answer)
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
