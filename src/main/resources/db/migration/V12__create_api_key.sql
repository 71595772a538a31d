-- API keys of sales systems and integrations (X-Api-Key). Only a SHA-256 hash of each key is stored: the
-- key itself is shown once, when an administrator creates it. Keys are revoked, never deleted, so the audit
-- trail can still name the key that made a request.
CREATE TABLE api_key (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(100) NOT NULL,
    role        VARCHAR(32)  NOT NULL,
    key_prefix  VARCHAR(16)  NOT NULL,
    key_hash    CHAR(64)     NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    revoked_by  VARCHAR(100),
    revoked_at  DATETIME(3),
    PRIMARY KEY (id),
    CONSTRAINT uq_api_key_hash UNIQUE (key_hash)
);
