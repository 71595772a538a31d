-- Churn alert lifecycle: people move an alert OPEN -> ACKNOWLEDGED -> RESOLVED (or OPEN -> RESOLVED);
-- the service closes an OPEN or ACKNOWLEDGED alert (CLOSED) when its trigger stops firing.
-- churn_alert.open_key keeps its unique-while-set role but now marks the trigger episode: it stays set on a
-- RESOLVED alert while the trigger keeps firing, so resolving never reopens the same episode, and it is
-- cleared when the trigger stops; the next firing opens a new alert.

-- Every status change of an alert: who (a user name, or the service), when, and the comment given.
-- from_status is NULL for the opening.
CREATE TABLE churn_alert_transition (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    alert_id     BIGINT        NOT NULL,
    from_status  VARCHAR(16),
    to_status    VARCHAR(16)   NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    occurred_at  DATETIME(3)   NOT NULL,
    comment_text VARCHAR(2000),
    PRIMARY KEY (id),
    CONSTRAINT fk_churn_alert_transition_alert FOREIGN KEY (alert_id) REFERENCES churn_alert (id)
);
CREATE INDEX ix_churn_alert_transition_alert ON churn_alert_transition (alert_id, id);

-- Alerts recorded before this migration get the history their row already tells.
INSERT INTO churn_alert_transition (alert_id, from_status, to_status, actor, occurred_at, comment_text)
SELECT id, NULL, 'OPEN', 'system (churn trigger)', opened_at, NULL FROM churn_alert;
INSERT INTO churn_alert_transition (alert_id, from_status, to_status, actor, occurred_at, comment_text)
SELECT id, 'OPEN', 'CLOSED', 'system (churn trigger)', closed_at, closed_reason FROM churn_alert
WHERE status = 'CLOSED' AND closed_at IS NOT NULL;

-- Outbox of the alert webhook: a row per newly opened alert, written in the transaction that opens it,
-- so an alert is never lost while the receiver is down. A sender claims a due row by moving
-- next_attempt_at past its lease with a new claim_token (a conditional UPDATE, so one instance sends it),
-- and marks it delivered on a 2xx answer; otherwise it retries with exponential back-off, forever.
CREATE TABLE churn_alert_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    alert_id        BIGINT        NOT NULL,
    payload         MEDIUMTEXT    NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    next_attempt_at DATETIME(3)   NOT NULL,
    attempts        INT           NOT NULL,
    claim_token     VARCHAR(36),
    delivered_at    DATETIME(3),
    last_error      VARCHAR(400),
    PRIMARY KEY (id),
    CONSTRAINT uq_churn_alert_outbox_alert UNIQUE (alert_id),
    CONSTRAINT fk_churn_alert_outbox_alert FOREIGN KEY (alert_id) REFERENCES churn_alert (id)
);
CREATE INDEX ix_churn_alert_outbox_due ON churn_alert_outbox (delivered_at, next_attempt_at);

-- The overdue filter: alerts still open whose due time has passed.
CREATE INDEX ix_churn_alert_due ON churn_alert (status, due_at);
