-- Asynchronous jobs (db-scheduler's table): one row per job waiting or running, on any replica.
-- Names are VARCHAR rather than TEXT so that the same script runs on H2 (TEXT is a CLOB there).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(200),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- Plans left PENDING or RUNNING by the in-memory queue of earlier versions become jobs: they are solved
-- from their stored input instead of being lost.
INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, consecutive_failures, version)
SELECT 'plan', id, CURRENT_TIMESTAMP, FALSE, 0, 1 FROM allocation_plan WHERE status IN ('PENDING', 'RUNNING');
