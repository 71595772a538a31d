package com.acme.tiering.decision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rollbacks as governance records them and evaluations read them: which version's decisions are to be undone. */
@Repository
public class Rollbacks {

    private final JdbcClient jdbc;

    Rollbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Written in the transaction that puts the restored version in force. */
    public void record(Rollback rollback, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO ruleset_rollback (rolled_back_id, rolled_back_version, restored_id, restored_version, actor,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(rollback.rolledBackId(), rollback.rolledBackVersion(), rollback.restoredId(),
                rollback.restoredVersion(), actor, Timestamp.from(at)).update();
    }

    /**
     * The rollback that put these rules in force, if the latest change of the rules in force was one: while it
     * holds, customers still decided by the rolled-back version are restored when they are decided.
     */
    public Optional<Rollback> inForce(String rulesetVersion) {
        return jdbc.sql("""
                SELECT rolled_back_id, rolled_back_version, restored_id, restored_version FROM ruleset_rollback
                ORDER BY id DESC LIMIT 1
                """).query(Rollback.class).optional().filter(r -> r.restoredVersion().equals(rulesetVersion));
    }
}
