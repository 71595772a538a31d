-- People who sign in, managed by administrators through the API (beside any configured under
-- tiering.security.users). Passwords are stored as bcrypt hashes; users are disabled, never deleted, so the
-- audit log can still name them.
CREATE TABLE app_user (
    name          VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    created_by    VARCHAR(100) NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    disabled_by   VARCHAR(100),
    disabled_at   DATETIME(3),
    PRIMARY KEY (name)
);
