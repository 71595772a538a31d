package com.acme.tiering.support;

import java.util.ArrayList;
import java.util.List;

import com.acme.tiering.ruleset.RuleFile;

/**
 * A fifth tier, E Dormant, ranked between C and D, added as rules/README.md tells an operations manager to add a
 * tier: its catalog row, a tier row for customers who bought the year before but not in the last 12 months (above
 * Basic's, which moves one row down), its own plan row with a new entitlement column {@code freeShipping} (yes/no),
 * no for Dormant and left empty for the other plans, and the tier scenario that expected such a customer in D
 * moved to E.
 */
public final class DormantTier {

    public static final String CODE = "E";
    public static final String NAME = "Dormant";
    public static final String PLAN = "WINBACK";

    private DormantTier() {
    }

    /**
     * The four tiers (A to D, rows as {@link TierCatalogs} writes them) with E ranked 4th and D, now the customers who
     * never bought, 5th.
     */
    public static RuleFile catalog(List<Object[]> fourTiers) {
        List<Object[]> rows = new ArrayList<>(fourTiers.subList(0, 3));
        rows.add(TierCatalogs.row(CODE, NAME, 4, "Bought the year before, not in the last 12 months", "#A0785A", ""));
        Object[] basic = fourTiers.get(3).clone();
        basic[2] = 5;
        basic[3] = "Never bought";
        rows.add(basic);
        return TierCatalogs.catalog(rows);
    }

    /**
     * tiers.xlsx with the Dormant row in row 16 (revenueGrowthPct ≥ -100: it bought the year before) and Basic's
     * row, now "never bought", in row 17.
     */
    public static RuleFile tiers(byte[] tiersInForce) {
        byte[] tiers = tiersInForce;
        tiers = Workbooks.withCell(tiers, "Tiers", 16, 0, "Basic: never bought");
        tiers = Workbooks.withCell(tiers, "Tiers", 16, 1, "Basic: never bought");
        tiers = Workbooks.withCell(tiers, "Tiers", 16, 6, "D");
        tiers = Workbooks.withCell(tiers, "Tiers", 15, 0, "Dormant: bought the year before, not in the last 12 months");
        tiers = Workbooks.withCell(tiers, "Tiers", 15, 1, "Dormant: bought the year before, not in the last 12 months");
        tiers = Workbooks.withCell(tiers, "Tiers", 15, 5, -100);
        tiers = Workbooks.withCell(tiers, "Tiers", 15, 6, CODE);
        return new RuleFile("tiers.xlsx", tiers);
    }

    /**
     * service-plans.xlsx with a column M declaring {@code entitlement freeShipping yes/no} and, after Basic's, a row
     * for E: win-back by e-mail, no free shipping.
     */
    public static RuleFile plans(byte[] plansInForce) {
        byte[] plans = plansInForce;
        plans = Workbooks.withCell(plans, "ServicePlans", 6, 12, "ACTION");
        plans = Workbooks.withCell(plans, "ServicePlans", 8, 12, "entitlement freeShipping yes/no");
        plans = Workbooks.withCell(plans, "ServicePlans", 9, 12, "freeShipping");
        Object[] row = { NAME, "Dormant accounts: win them back", CODE, null, null, PLAN, "DIGITAL", 48, "NONE", 0, 0,
            "EMAIL", "no" };
        for (int c = 0; c < row.length; c++) {
            if (row[c] != null) {
                plans = Workbooks.withCell(plans, "ServicePlans", 17, c, row[c]);
            }
        }
        return new RuleFile("service-plans.xlsx", plans);
    }

    /** The shipped tier scenarios, the customer who bought only the year before now Dormant (E). */
    public static RuleFile tests() {
        return RuleTests.file("tiers.csv", RuleTests.replaced(RuleTests.read("tiers.csv"),
                "Basic: no order in the last 12 months,1.0,0,15000,-100,0,D",
                "Dormant: no order in the last 12 months after buying the year before,1.0,0,15000,-100,0,E"));
    }
}
