package com.acme.tiering.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.acme.tiering.evaluation.Evaluation.ChurnSignal;
import com.acme.tiering.evaluation.Evaluation.Entitlements;
import com.acme.tiering.evaluation.Evaluation.ServicePlan;
import com.acme.tiering.facts.CustomerFacts;

/**
 * The policy of PRODUCT.md §4 written by hand in plain Java, reading the same facts as the rules: what a
 * decision costs with no engine at all, the lower bound the benchmarks compare with. No explanation.
 */
final class HandWrittenPolicy {

    private static final BigDecimal SEVENTY_PERCENT = new BigDecimal("0.70");
    private static final BigDecimal NINETY_PERCENT = new BigDecimal("0.90");
    private static final BigDecimal FAST_GROWTH_REVENUE = BigDecimal.valueOf(20_000);
    private static final BigDecimal FAST_GROWTH_PCT = BigDecimal.valueOf(50);
    private static final BigDecimal DECLINE_FLOOR = BigDecimal.valueOf(10_000);
    private static final BigDecimal DECLINE_SHARE = new BigDecimal("0.6");
    private static final int GRACE_DAYS = 90;

    record Decision(String qualifiedTier, String tier, LocalDate downgradePendingSince, LocalDate tierProtectedUntil,
            String lifecycleStage, String rfmSegment, List<ChurnSignal> churnSignals, String churnRisk,
            ServicePlan servicePlan) {
    }

    private HandWrittenPolicy() {
    }

    static Decision decide(CustomerFacts facts) {
        String qualified = qualifiedTier(facts);
        String tier = qualified;
        LocalDate pendingSince = null;
        LocalDate protectedUntil = null;
        boolean downgrade = facts.currentTier() != null && rank(qualified) > rank(facts.currentTier());
        if (downgrade) {
            LocalDate since = facts.downgradePendingSince() != null ? facts.downgradePendingSince() : facts.asOf();
            if (ChronoUnit.DAYS.between(since, facts.asOf()) < GRACE_DAYS) {
                tier = facts.currentTier();
                pendingSince = since;
                protectedUntil = since.plusDays(GRACE_DAYS - 1L);
            }
        }
        String lifecycle = lifecycleStage(facts);
        List<ChurnSignal> signals = churnSignals(facts, tier);
        String risk = churnRisk(signals);
        return new Decision(qualified, tier, pendingSince, protectedUntil, lifecycle, rfmSegment(facts), signals, risk,
                servicePlan(tier, risk, lifecycle));
    }

    /** The shipped catalog's ranks, written out like the rest of this policy: A 1 … D 4, unknown below all. */
    private static int rank(String tier) {
        int index = List.of("A", "B", "C", "D").indexOf(tier);
        return index < 0 ? 5 : index + 1;
    }

    /** tiers.xlsx: the first matching row wins. */
    static String qualifiedTier(CustomerFacts facts) {
        BigDecimal share = facts.paretoShare();
        if (share != null && share.compareTo(SEVENTY_PERCENT) <= 0) {
            return facts.ordersLast12m() >= 6 ? "A" : "B";
        }
        if (share != null && share.compareTo(NINETY_PERCENT) <= 0) {
            return "B";
        }
        if (facts.revenueLast12m().compareTo(FAST_GROWTH_REVENUE) >= 0 && facts.revenueGrowthPct() != null
                && facts.revenueGrowthPct().compareTo(FAST_GROWTH_PCT) >= 0) {
            return "B";
        }
        return facts.ordersLast12m() >= 1 ? "C" : "D";
    }

    /** lifecycle.drl. */
    private static String lifecycleStage(CustomerFacts facts) {
        if (facts.firstOrderDate() == null) {
            return "PROSPECT";
        }
        if (facts.daysSinceFirstOrder() != null && facts.daysSinceFirstOrder() <= 90) {
            return "NEW";
        }
        Integer recency = facts.recencyDays();
        if (recency == null) {
            return null;
        }
        return recency <= 90 ? "ACTIVE" : recency <= 180 ? "COOLING" : recency <= 365 ? "DORMANT" : "LOST";
    }

    /** rfm-segments.xlsx: ten rows covering the 25 (rScore, fScore) pairs. */
    private static String rfmSegment(CustomerFacts facts) {
        Integer r = facts.rScore();
        Integer f = facts.fScore();
        if (r == null || f == null) {
            return null;
        }
        if (r == 5 && f >= 4) {
            return "Champions";
        }
        if (r >= 3 && r <= 4 && f >= 4) {
            return "Loyal Customers";
        }
        if (r >= 4 && f >= 2 && f <= 3) {
            return "Potential Loyalists";
        }
        if (f == 1 && r >= 4) {
            return r == 5 ? "New Customers" : "Promising";
        }
        if (r == 3) {
            return f == 3 ? "Need Attention" : "About to Sleep";
        }
        return f == 5 ? "Can't Lose Them" : f >= 3 ? "At Risk" : "Hibernating";
    }

    /** churn-triggers.xlsx, on the tier in force after the tier policy. */
    private static List<ChurnSignal> churnSignals(CustomerFacts facts, String tier) {
        List<ChurnSignal> signals = new ArrayList<>(2);
        boolean keyAccount = tier.equals("A") || tier.equals("B");
        Integer recency = facts.recencyDays();
        BigDecimal interval = facts.avgInterOrderDays();
        if (facts.ordersLast12m() >= 4 && recency != null && recency > 30 && interval != null) {
            BigDecimal silent = BigDecimal.valueOf(recency);
            if (silent.compareTo(interval.multiply(BigDecimal.valueOf(3))) > 0) {
                signals.add(new ChurnSignal("OVERDUE_PURCHASE", "HIGH", "Account manager calls within 48 h",
                        "ACCOUNT_MANAGER", 48));
            }
            else if (silent.compareTo(interval.multiply(BigDecimal.valueOf(2))) > 0) {
                signals.add(new ChurnSignal("OVERDUE_PURCHASE", "MEDIUM", "Account manager calls within 48 h",
                        "ACCOUNT_MANAGER", 48));
            }
        }
        if (facts.revenuePrev6m().compareTo(DECLINE_FLOOR) >= 0
                && facts.revenueLast6m().compareTo(DECLINE_SHARE.multiply(facts.revenuePrev6m())) < 0) {
            signals.add(new ChurnSignal("REVENUE_DECLINE", keyAccount ? "HIGH" : "MEDIUM",
                    "Business review within 14 days", "ACCOUNT_MANAGER", 336));
        }
        if (facts.complaintsLast90d() >= 2) {
            signals.add(new ChurnSignal("COMPLAINT_BURST", "HIGH", "Service manager follows up within 24 h",
                    "SERVICE_MANAGER", 24));
        }
        if (facts.openTickets() >= 3) {
            signals.add(new ChurnSignal("UNRESOLVED_TICKETS", "MEDIUM", "Support lead reviews within 48 h",
                    "SUPPORT_LEAD", 48));
        }
        if (keyAccount && facts.lastContactDays() != null && facts.lastContactDays() > 60) {
            signals.add(new ChurnSignal("GONE_SILENT", "MEDIUM", "Schedule a visit within 14 days",
                    "ACCOUNT_MANAGER", 336));
        }
        if (facts.latestNps() != null && facts.latestNps() <= 6) {
            signals.add(new ChurnSignal("DETRACTOR", "MEDIUM", "Account manager calls within 72 h",
                    "ACCOUNT_MANAGER", 72));
        }
        return signals;
    }

    private static String churnRisk(List<ChurnSignal> signals) {
        String risk = "NONE";
        for (ChurnSignal signal : signals) {
            if (signal.risk().equals("HIGH")) {
                return "HIGH";
            }
            risk = signal.risk().equals("MEDIUM") || risk.equals("NONE") ? signal.risk() : risk;
        }
        return risk;
    }

    /** service-plans.xlsx: the first matching row wins. */
    private static ServicePlan servicePlan(String tier, String risk, String lifecycle) {
        boolean highRisk = risk.equals("HIGH");
        return switch (tier) {
            case "A" -> plan("STRATEGIC", "DEDICATED", 4, "MONTHLY", 12, 8, "PHONE_24X7");
            case "B" -> highRisk ? plan("KEY_RETENTION", "DEDICATED", 4, "MONTHLY", 6, 5, "PHONE")
                    : plan("KEY", "DEDICATED", 8, "QUARTERLY", 4, 5, "PHONE");
            case "C" -> "NEW".equals(lifecycle) ? plan("ONBOARDING", "POOLED", 12, "MONTHLY", 1, 2, "PHONE")
                    : highRisk ? plan("STANDARD_RETENTION", "POOLED", 12, "QUARTERLY", 1, 2, "PHONE")
                    : plan("STANDARD", "POOLED", 24, "SEMI_ANNUAL", 1, 2, "EMAIL");
            default -> plan("BASIC", "DIGITAL", 72, "NONE", 0, 0, "SELF_SERVICE");
        };
    }

    private static ServicePlan plan(String code, String manager, int slaHours, String cadence, int visits,
            int discountPct, String channel) {
        Map<String, Object> entitlements = new LinkedHashMap<>();
        entitlements.put("accountManager", manager);
        entitlements.put("responseSlaHours", (long) slaHours);
        entitlements.put("reviewCadence", cadence);
        entitlements.put("visitsPerYear", (long) visits);
        entitlements.put("discountPct", BigDecimal.valueOf(discountPct));
        entitlements.put("supportChannel", channel);
        return new ServicePlan(code, new Entitlements(entitlements));
    }
}
