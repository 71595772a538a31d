-- Who did what to which ruleset version, when and why: uploads, approvals, publications, activations.
CREATE TABLE ruleset_event (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    ruleset_id BIGINT        NOT NULL,
    action     VARCHAR(20)   NOT NULL,
    actor      VARCHAR(100)  NOT NULL,
    reason     VARCHAR(1000),
    created_at DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_ruleset_event_version FOREIGN KEY (ruleset_id) REFERENCES ruleset_version (id)
);
CREATE INDEX ix_ruleset_event_version ON ruleset_event (ruleset_id, id);
