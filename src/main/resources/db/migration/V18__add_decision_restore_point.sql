-- What a rollback needs to restore a customer's decision (docs/publishing.md), without keeping a second copy of
-- decision_json: each current decision keeps its basis (a digest of the facts the rules read, the tier-policy
-- state it started from, the tier it gave and since when); when a customer's decision is first made by another
-- ruleset version, the basis of the one it replaces is kept as the prior basis, with that decision's version.
ALTER TABLE current_decision ADD COLUMN basis_json VARCHAR(1000);
ALTER TABLE current_decision ADD COLUMN prior_ruleset_version CHAR(64);
ALTER TABLE current_decision ADD COLUMN prior_basis_json VARCHAR(1000);

-- Activating a version that was in force before rolls back the version in force then. Written in the
-- transaction that puts the version in force; the latest row tells runs and evaluations which version's
-- decisions to restore. Never changed after.
CREATE TABLE ruleset_rollback (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    rolled_back_id      BIGINT       NOT NULL,
    rolled_back_version CHAR(64)     NOT NULL,
    restored_id         BIGINT       NOT NULL,
    restored_version    CHAR(64)     NOT NULL,
    actor               VARCHAR(100) NOT NULL,
    created_at          DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_ruleset_rollback_retired FOREIGN KEY (rolled_back_id) REFERENCES ruleset_version (id),
    CONSTRAINT fk_ruleset_rollback_restored FOREIGN KEY (restored_id) REFERENCES ruleset_version (id)
);
