-- Manual overrides: an operations manager sets a tier by hand (PIN: exactly this tier; FLOOR: never
-- below it) with a reason and an expiry. Rows are never deleted: an ended override keeps who ended it,
-- when and why (EXPIRED, REVOKED, REPLACED), so the audit trail shows every override ever in force.
-- active_key is the customer id while the override is in force and NULL after, so the unique index
-- allows at most one override in force per customer (NULLs never collide).
CREATE TABLE manual_override (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    customer_id VARCHAR(64)   NOT NULL,
    tier        VARCHAR(8)    NOT NULL,
    kind        VARCHAR(8)    NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    expires_at  DATETIME(3)   NOT NULL,
    set_by      VARCHAR(100)  NOT NULL,
    set_at      DATETIME(3)   NOT NULL,
    active_key  VARCHAR(64),
    ended_at    DATETIME(3),
    ended_by    VARCHAR(100),
    end_reason  VARCHAR(16),
    PRIMARY KEY (id),
    CONSTRAINT uq_manual_override_active UNIQUE (active_key),
    CONSTRAINT fk_manual_override_customer FOREIGN KEY (customer_id) REFERENCES customer (customer_id)
);
CREATE INDEX ix_manual_override_customer ON manual_override (customer_id, id);
CREATE INDEX ix_manual_override_expiry ON manual_override (active_key, expires_at);

-- The tier the rules gave (after the tier policy), which the tier policy of the next evaluation starts
-- from; the tier column holds the tier in force, which an override may have changed.
ALTER TABLE current_decision ADD COLUMN rules_tier VARCHAR(8);
