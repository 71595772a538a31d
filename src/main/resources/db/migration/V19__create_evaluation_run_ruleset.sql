-- Every ruleset version a run decided customers with, and how many decisions each made: a version put in force
-- during a run serves the chunks left, and the run then decides again, with the version in force, the customers
-- it had decided with another (redecided_customers), so that it ends on one version.
CREATE TABLE evaluation_run_ruleset (
    run_id          BIGINT      NOT NULL,
    ruleset_version CHAR(64)    NOT NULL,
    decisions       INT         NOT NULL DEFAULT 0,
    first_used_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (run_id, ruleset_version),
    CONSTRAINT fk_evaluation_run_ruleset_run FOREIGN KEY (run_id) REFERENCES evaluation_run (id)
);
ALTER TABLE evaluation_run ADD COLUMN redecided_customers INT NOT NULL DEFAULT 0;
