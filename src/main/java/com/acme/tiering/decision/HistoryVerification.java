package com.acme.tiering.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every customer's history chain: a row whose content no longer matches its hash, or whose
 * previous hash is not the hash of the row before it, marks that customer's chain as broken.
 */
@Service
public class HistoryVerification {

    private final JdbcClient jdbc;

    HistoryVerification(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param unsealedRows rows written before tamper evidence existed (no hash): not verifiable
     * @param broken the first broken link of each broken chain
     */
    public record Report(long rows, long customers, long unsealedRows, List<BrokenChain> broken) {

        public boolean intact() {
            return broken.isEmpty();
        }
    }

    public record BrokenChain(String customerId, long rowId, String reason) {
    }

    @Transactional(readOnly = true)
    public Report verify() {
        Walk walk = new Walk();
        jdbc.sql("""
                SELECT id, customer_id, tier, plan_code, lifecycle_stage, rfm_segment, churn_risk, churn_triggers,
                    ruleset_version, run_id, as_of, evaluated_at, decision_json, previous_hash, row_hash
                FROM decision_history ORDER BY customer_id, id
                """).query((RowCallbackHandler) walk::row);
        return new Report(walk.rows, walk.customers, walk.unsealed, walk.broken);
    }

    /** Walks the rows in chain order, one customer after the other, with constant memory. */
    private static final class Walk {
        private long rows;
        private long customers;
        private long unsealed;
        private final List<BrokenChain> broken = new ArrayList<>();
        private String customer;
        private String expectedPrevious;
        private boolean customerBroken;

        void row(ResultSet rs) throws SQLException {
            rows++;
            String customerId = rs.getString("customer_id");
            if (!customerId.equals(customer)) {
                customer = customerId;
                customers++;
                expectedPrevious = HistoryHash.GENESIS;
                customerBroken = false;
            }
            String previous = rs.getString("previous_hash");
            String stored = rs.getString("row_hash");
            if (stored == null) {
                unsealed++;
                expectedPrevious = null;
                return;
            }
            String recomputed = HistoryHash.of(previous, content(rs));
            if (!customerBroken && !Objects.equals(previous, expectedPrevious)) {
                breakChain(rs, "the row does not follow the row before it: a row was removed, inserted or reordered");
            }
            else if (!customerBroken && !recomputed.equals(stored)) {
                breakChain(rs, "the row's content does not match its hash: it was altered after it was written");
            }
            expectedPrevious = stored;
        }

        private void breakChain(ResultSet rs, String reason) throws SQLException {
            broken.add(new BrokenChain(customer, rs.getLong("id"), reason));
            customerBroken = true;
        }

        private static HistoryHash.Content content(ResultSet rs) throws SQLException {
            return new HistoryHash.Content(rs.getString("customer_id"), rs.getString("tier"), rs.getString("plan_code"),
                    rs.getString("lifecycle_stage"), rs.getString("rfm_segment"), rs.getString("churn_risk"),
                    rs.getString("churn_triggers"), rs.getString("ruleset_version"), rs.getObject("run_id", Long.class),
                    rs.getObject("as_of", LocalDate.class), rs.getTimestamp("evaluated_at").toInstant(),
                    rs.getString("decision_json"));
        }
    }
}
