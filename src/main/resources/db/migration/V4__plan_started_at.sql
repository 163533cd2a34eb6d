-- When an asynchronous plan started RUNNING: an unfinished plan is judged abandoned from here.
ALTER TABLE allocation_plan ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
