-- The audit log: every change made through the service (ingestion aside) and every refused attempt at one:
-- who (user name, or anonymous, or the service itself), with which roles, from which address, when (UTC),
-- what (action, target), the HTTP request and its outcome (status code), and the before and after as JSON
-- where they apply. Append-only: the service only inserts and reads these rows; granting its database
-- user no UPDATE or DELETE on this table enforces that. No foreign keys: an entry may name a target that
-- was never stored (a refused attempt) and must outlive anything it names.
CREATE TABLE audit_log (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    at             DATETIME(3)   NOT NULL,
    actor          VARCHAR(100)  NOT NULL,
    roles          VARCHAR(200),
    remote_address VARCHAR(64),
    action         VARCHAR(40)   NOT NULL,
    target_type    VARCHAR(40),
    target_id      VARCHAR(128),
    http_method    VARCHAR(10),
    http_path      VARCHAR(500),
    outcome        SMALLINT,
    before_json    MEDIUMTEXT,
    after_json     MEDIUMTEXT,
    request_id     VARCHAR(64),
    PRIMARY KEY (id)
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_actor ON audit_log (actor, id);
CREATE INDEX ix_audit_log_action ON audit_log (action, id);
CREATE INDEX ix_audit_log_target ON audit_log (target_type, target_id, id);
