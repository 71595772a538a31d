-- Evaluation runs execute as Spring Batch jobs (V9: the job repository); this table stays the run as the
-- API and the explanations know it, with its progress written in each chunk's transaction.
-- running_key is 'RUN' while a run is going and NULL after, so the unique index lets exactly one run go at
-- a time even with several instances of the service (NULLs never collide).
-- heartbeat_at moves with every committed chunk: a run whose heartbeat is older than
-- tiering.run.stale-after lost its process (crash, kill, database outage) and is resumed by another one.
ALTER TABLE evaluation_run ADD COLUMN running_key CHAR(3);
ALTER TABLE evaluation_run ADD COLUMN heartbeat_at DATETIME(3);
ALTER TABLE evaluation_run ADD COLUMN restarts INT NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX uq_evaluation_run_running ON evaluation_run (running_key);
