-- Runs unchanged on H2 (MySQL mode), MySQL 8 and MariaDB 10.11: keep to their common SQL.
-- Instants are stored as UTC in DATETIME(3); calendar dates as DATE.

CREATE TABLE customer (
    customer_id   VARCHAR(64)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    industry      VARCHAR(100),
    region        VARCHAR(100),
    employees     INT,
    account_owner VARCHAR(100),
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (customer_id)
);
CREATE INDEX ix_customer_name ON customer (name);

CREATE TABLE customer_order (
    customer_id VARCHAR(64)   NOT NULL,
    order_id    VARCHAR(64)   NOT NULL,
    order_date  DATE          NOT NULL,
    amount      DECIMAL(15,2) NOT NULL,
    recorded_at DATETIME(3)   NOT NULL,
    PRIMARY KEY (customer_id, order_id),
    CONSTRAINT fk_order_customer FOREIGN KEY (customer_id) REFERENCES customer (customer_id)
);
CREATE INDEX ix_order_customer_date ON customer_order (customer_id, order_date);

CREATE TABLE interaction (
    customer_id      VARCHAR(64) NOT NULL,
    interaction_id   VARCHAR(64) NOT NULL,
    interaction_date DATE        NOT NULL,
    interaction_type VARCHAR(20) NOT NULL,
    resolved         BOOLEAN     NOT NULL DEFAULT FALSE,
    score            INT,
    recorded_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (customer_id, interaction_id),
    CONSTRAINT fk_interaction_customer FOREIGN KEY (customer_id) REFERENCES customer (customer_id)
);
CREATE INDEX ix_interaction_customer_date ON interaction (customer_id, interaction_date);

-- A ruleset version is the full set of rule files; its content hash is the version recorded on decisions.
CREATE TABLE ruleset_version (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    content_hash  CHAR(64)     NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    author        VARCHAR(100) NOT NULL,
    comment       VARCHAR(1000),
    created_at    DATETIME(3)  NOT NULL,
    activated_at  DATETIME(3),
    PRIMARY KEY (id)
);
CREATE INDEX ix_ruleset_version_hash ON ruleset_version (content_hash);

CREATE TABLE ruleset_file (
    ruleset_id BIGINT       NOT NULL,
    file_name  VARCHAR(200) NOT NULL,
    sha256     CHAR(64)     NOT NULL,
    size_bytes INT          NOT NULL,
    content    LONGBLOB     NOT NULL,
    PRIMARY KEY (ruleset_id, file_name),
    CONSTRAINT fk_ruleset_file_version FOREIGN KEY (ruleset_id) REFERENCES ruleset_version (id)
);

CREATE TABLE evaluation_run (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    as_of               DATE         NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    trigger_kind        VARCHAR(16)  NOT NULL,
    ruleset_version     CHAR(64)     NOT NULL,
    total_customers     INT          NOT NULL DEFAULT 0,
    processed_customers INT          NOT NULL DEFAULT 0,
    changed_customers   INT          NOT NULL DEFAULT 0,
    last_customer_id    VARCHAR(64),
    started_at          DATETIME(3)  NOT NULL,
    finished_at         DATETIME(3),
    error_message       VARCHAR(2000),
    PRIMARY KEY (id)
);

-- Population statistics of a run (RFM quintile cut-offs, Pareto curve), reused by single evaluations.
CREATE TABLE population_statistics (
    run_id        BIGINT        NOT NULL,
    as_of         DATE          NOT NULL,
    population    INT           NOT NULL,
    total_revenue DECIMAL(19,2) NOT NULL,
    stats_json    MEDIUMTEXT    NOT NULL,
    created_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (run_id),
    CONSTRAINT fk_population_statistics_run FOREIGN KEY (run_id) REFERENCES evaluation_run (id)
);

-- Exact per-customer scores of a run, computed set-based with window functions.
CREATE TABLE population_score (
    run_id          BIGINT         NOT NULL,
    customer_id     VARCHAR(64)    NOT NULL,
    last_order_date DATE,
    orders_last12m  INT            NOT NULL,
    revenue_last12m DECIMAL(19,2)  NOT NULL,
    r_score         INT,
    f_score         INT,
    m_score         INT,
    pareto_share    DECIMAL(12,10) NOT NULL,
    PRIMARY KEY (run_id, customer_id)
);

CREATE TABLE current_decision (
    customer_id             VARCHAR(64)  NOT NULL,
    tier                    VARCHAR(8)   NOT NULL,
    qualified_tier          VARCHAR(8)   NOT NULL,
    plan_code               VARCHAR(40),
    lifecycle_stage         VARCHAR(20),
    rfm_segment             VARCHAR(40),
    churn_risk              VARCHAR(10)  NOT NULL,
    churn_triggers          VARCHAR(400) NOT NULL,
    change_key              VARCHAR(600) NOT NULL,
    tier_since              DATE         NOT NULL,
    downgrade_pending_since DATE,
    ruleset_version         CHAR(64)     NOT NULL,
    run_id                  BIGINT,
    as_of                   DATE         NOT NULL,
    evaluated_at            DATETIME(3)  NOT NULL,
    decision_json           MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (customer_id),
    CONSTRAINT fk_current_decision_customer FOREIGN KEY (customer_id) REFERENCES customer (customer_id)
);
CREATE INDEX ix_current_decision_tier ON current_decision (tier);
CREATE INDEX ix_current_decision_run ON current_decision (run_id);

-- Append-only: a row is written only when tier, plan, lifecycle stage, RFM segment or churn signals change.
CREATE TABLE decision_history (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    customer_id     VARCHAR(64)  NOT NULL,
    tier            VARCHAR(8)   NOT NULL,
    plan_code       VARCHAR(40),
    lifecycle_stage VARCHAR(20),
    rfm_segment     VARCHAR(40),
    churn_risk      VARCHAR(10)  NOT NULL,
    churn_triggers  VARCHAR(400) NOT NULL,
    ruleset_version CHAR(64)     NOT NULL,
    run_id          BIGINT,
    as_of           DATE         NOT NULL,
    evaluated_at    DATETIME(3)  NOT NULL,
    decision_json   MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_decision_history_customer FOREIGN KEY (customer_id) REFERENCES customer (customer_id)
);
CREATE INDEX ix_decision_history_customer ON decision_history (customer_id, as_of, id);

-- open_key is customer_id|trigger_id while the alert is open and NULL after, so the unique index
-- allows exactly one open alert per customer and trigger (NULLs never collide).
CREATE TABLE churn_alert (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    customer_id        VARCHAR(64)   NOT NULL,
    trigger_id         VARCHAR(40)   NOT NULL,
    risk               VARCHAR(10)   NOT NULL,
    recommended_action VARCHAR(400)  NOT NULL,
    owner              VARCHAR(100),
    status             VARCHAR(16)   NOT NULL,
    open_key           VARCHAR(110),
    opened_at          DATETIME(3)   NOT NULL,
    due_at             DATETIME(3)   NOT NULL,
    closed_at          DATETIME(3),
    closed_reason      VARCHAR(400),
    PRIMARY KEY (id),
    CONSTRAINT uq_churn_alert_open UNIQUE (open_key),
    CONSTRAINT fk_churn_alert_customer FOREIGN KEY (customer_id) REFERENCES customer (customer_id)
);
CREATE INDEX ix_churn_alert_status ON churn_alert (status, risk);
