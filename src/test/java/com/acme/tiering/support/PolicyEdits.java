package com.acme.tiering.support;

import java.util.ArrayList;
import java.util.List;

import com.acme.tiering.ruleset.RuleFile;

/**
 * The policy change of issue 16's round trip, made as an operations manager makes it, in the workbooks of the rules
 * in force: B renamed Gold, a tier E Dormant ranked between C and D (D moves to rank 5) with its tier row and its own
 * plan row, a yes/no entitlement {@code freeShipping} (yes for A and B, no for the others and E), COMPLAINT_BURST
 * raised to three complaints and a trigger row BIG_DROP (revenueLast6m &lt; 0.3 × revenuePrev6m, HIGH).
 */
public final class PolicyEdits {

    private PolicyEdits() {
    }

    /** The four workbooks the change touches, edited; upload them to make the draft. */
    public static List<RuleFile> goldDormantFreeShippingBigDrop(List<RuleFile> inForce) {
        return List.of(catalog(), tiers(file(inForce, "tiers.xlsx")), plans(file(inForce, "service-plans.xlsx")),
                triggers(file(inForce, "churn-triggers.xlsx")));
    }

    /**
     * A policy in Chinese: the shipped tiers named 战略, 重点, 普通 and 基础, and a text entitlement 专属客服 (column M of
     * the plan table: 王经理 for A and B, 客服中心 for the others).
     */
    public static List<RuleFile> chinese(List<RuleFile> inForce) {
        byte[] plans = file(inForce, "service-plans.xlsx");
        plans = Workbooks.withCell(plans, "ServicePlans", 6, 12, "ACTION");
        plans = Workbooks.withCell(plans, "ServicePlans", 8, 12, "entitlement 专属客服 text");
        plans = Workbooks.withCell(plans, "ServicePlans", 9, 12, "专属客服");
        for (int r = 10; r <= 16; r++) {
            plans = Workbooks.withCell(plans, "ServicePlans", r, 12, r <= 12 ? "王经理" : "客服中心");
        }
        return List.of(TierCatalogs.renamed("战略", "重点", "普通", "基础"), new RuleFile("service-plans.xlsx", plans));
    }

    /** B renamed Gold, and the fifth tier E Dormant of {@link DormantTier}. */
    private static RuleFile catalog() {
        List<Object[]> rows = new ArrayList<>(TierCatalogs.SHIPPED);
        rows.set(1, TierCatalogs.row("B", "Gold", 2, TierCatalogs.SHIPPED.get(1)[3].toString(), "#C9A227", ""));
        return DormantTier.catalog(rows);
    }

    /** Tiers!A16:G16 the Dormant row (revenueGrowthPct ≥ -100: it bought the year before), Basic moved to row 17. */
    private static RuleFile tiers(byte[] tiers) {
        return DormantTier.tiers(tiers);
    }

    /** Column M declares freeShipping (yes for A and B, no for the rest); row 18 is E's plan ({@link DormantTier}). */
    private static RuleFile plans(byte[] plans) {
        plans = DormantTier.plans(plans).content();
        for (int r = 10; r <= 16; r++) {
            plans = Workbooks.withCell(plans, "ServicePlans", r, 12, r <= 12 ? "yes" : "no");
        }
        return new RuleFile("service-plans.xlsx", plans);
    }

    /** H15 (COMPLAINT_BURST's complaintsLast90d ≥) 3, and row 19 BIG_DROP. */
    private static RuleFile triggers(byte[] triggers) {
        triggers = Workbooks.withCell(triggers, "ChurnTriggers", 14, 7, 3);
        triggers = row(triggers, "ChurnTriggers", 18, "BIG_DROP", "Big drop (HIGH): the last 6 months brought less "
                + "than 30% of the 6 months before", null, null, null, null, 0.3, null, null, null, null, null,
                "HIGH", "Account manager visits within 7 days", "ACCOUNT_MANAGER", 168);
        return new RuleFile("churn-triggers.xlsx", triggers);
    }

    /** Cells A, B, C … of a row (0-based); null leaves a cell as it is. */
    private static byte[] row(byte[] workbook, String sheet, int row, Object... cells) {
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] != null) {
                workbook = Workbooks.withCell(workbook, sheet, row, c, cells[c]);
            }
        }
        return workbook;
    }

    private static byte[] file(List<RuleFile> files, String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().content();
    }
}
