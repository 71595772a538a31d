-- How many customers each tier had when a run completed: the dashboard's trend across runs.
-- Written once, in the transaction that marks the run COMPLETED; never changed after.
CREATE TABLE evaluation_run_tier (
    run_id    BIGINT      NOT NULL,
    tier      VARCHAR(8)  NOT NULL,
    customers INT         NOT NULL,
    PRIMARY KEY (run_id, tier),
    CONSTRAINT fk_evaluation_run_tier_run FOREIGN KEY (run_id) REFERENCES evaluation_run (id)
);
