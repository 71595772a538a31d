package com.acme.tiering.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.acme.tiering.evaluation.Evaluation;

/**
 * Where a shadow ruleset decides differently from the one in force, per run and customer: what a new
 * standard would change, measured on the real runs before it replaces the old one.
 */
@Service
public class ShadowDifferences {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ShadowDifferences(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * One customer decided differently. The tiers are those the tier tables give (before the tier policy's
     * grace period, which would hide a new standard's effect for 90 days); summaries are
     * "qualified tier/tier/plan/stage/segment/triggers".
     */
    public record Difference(long runId, String customerId, String activeTier, String shadowTier, String activePlan,
            String shadowPlan, String activeSummary, String shadowSummary) {
    }

    /** Records the pairs that differ, in the caller's transaction (the run's chunk). */
    public int record(long versionId, long runId, List<Evaluation> active, List<Evaluation> shadow) {
        List<Difference> differences = new ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            String before = summary(active.get(i));
            String after = summary(shadow.get(i));
            if (!before.equals(after)) {
                differences.add(new Difference(runId, active.get(i).customerId(), active.get(i).qualifiedTier(),
                        shadow.get(i).qualifiedTier(), plan(active.get(i)), plan(shadow.get(i)), before, after));
            }
        }
        template.batchUpdate("""
                INSERT INTO shadow_difference (ruleset_id, run_id, customer_id, active_tier, shadow_tier, active_plan,
                    shadow_plan, active_summary, shadow_summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, differences, differences.size(), (ps, d) -> {
                    ps.setLong(1, versionId);
                    ps.setLong(2, d.runId());
                    ps.setString(3, d.customerId());
                    ps.setString(4, d.activeTier());
                    ps.setString(5, d.shadowTier());
                    ps.setString(6, d.activePlan());
                    ps.setString(7, d.shadowPlan());
                    ps.setString(8, d.activeSummary());
                    ps.setString(9, d.shadowSummary());
                });
        return differences.size();
    }

    public List<Difference> of(long versionId, int page, int size) {
        return jdbc.sql("""
                SELECT run_id, customer_id, active_tier, shadow_tier, active_plan, shadow_plan, active_summary,
                    shadow_summary
                FROM shadow_difference WHERE ruleset_id = ? ORDER BY run_id DESC, customer_id LIMIT ? OFFSET ?
                """).params(versionId, size, page * size).query(Difference.class).list();
    }

    private static String plan(Evaluation evaluation) {
        return evaluation.servicePlan() == null ? null : evaluation.servicePlan().code();
    }

    private static String summary(Evaluation e) {
        String triggers = e.churnSignals().stream().map(s -> s.triggerId() + ":" + s.risk()).sorted()
                .collect(Collectors.joining(","));
        String text = String.join("/", e.qualifiedTier(), e.tier(), String.valueOf(plan(e)), String.valueOf(e.lifecycleStage()),
                String.valueOf(e.rfmSegment()), triggers);
        return text.length() > 600 ? text.substring(0, 600) : text;
    }
}
