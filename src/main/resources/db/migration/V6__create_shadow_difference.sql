-- A ruleset version run in the shadow of the one in force, and where the two decide differently.
CREATE TABLE ruleset_shadow (
    ruleset_id BIGINT       NOT NULL,
    started_by VARCHAR(100) NOT NULL,
    started_at DATETIME(3)  NOT NULL,
    stopped_at DATETIME(3),
    PRIMARY KEY (ruleset_id),
    CONSTRAINT fk_ruleset_shadow_version FOREIGN KEY (ruleset_id) REFERENCES ruleset_version (id)
);

CREATE TABLE shadow_difference (
    ruleset_id     BIGINT       NOT NULL,
    run_id         BIGINT       NOT NULL,
    customer_id    VARCHAR(64)  NOT NULL,
    active_tier    VARCHAR(8)   NOT NULL,
    shadow_tier    VARCHAR(8)   NOT NULL,
    active_plan    VARCHAR(40),
    shadow_plan    VARCHAR(40),
    active_summary VARCHAR(600) NOT NULL,
    shadow_summary VARCHAR(600) NOT NULL,
    PRIMARY KEY (ruleset_id, run_id, customer_id)
);
