package com.acme.tiering.support;

import java.util.List;

import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.RuleFile;

/**
 * The Strategic bar moved, as an operations manager would move it: the orders a year the Strategic row of
 * tiers.xlsx asks for (Tiers!E11, 6 as shipped), with the rule-test scenarios that pin the shipped bar moved with
 * it, so that the draft passes its tests and can be published.
 */
public final class StrategicBar {

    private StrategicBar() {
    }

    /** The tiers.xlsx in force with the Strategic row asking for at least this many orders in the last 12 months. */
    public static RuleFile tiers(ActiveRuleset active, int orders) {
        byte[] inForce = active.current().files().stream().filter(f -> f.name().equals("tiers.xlsx")).findFirst()
                .orElseThrow().content();
        return new RuleFile("tiers.xlsx", Workbooks.withCell(inForce, "Tiers", 10, 4, orders));
    }

    /**
     * The shipped scenarios with the Strategic boundary at this bar: the boundary customer buys exactly that often,
     * and the Key customers of the top 70% who must not be Strategic buy less often than it (at most 5 times).
     */
    public static List<RuleFile> tests(int orders) {
        int below = Math.min(5, orders - 1);
        String tiers = RuleTests.replaced(RuleTests.replaced(RuleTests.read("tiers.csv"),
                "Strategic at the boundary: paretoShare 0.70 and 6 orders,0.70,90000,90000,0,6,A",
                "Strategic at the boundary: paretoShare 0.70 and " + orders + " orders,0.70,90000,90000,0," + orders
                        + ",A"),
                "Key: top 70% but only 5 orders a year,0.55,120000,100000,20,5,B",
                "Key: top 70% but only " + below + " orders a year,0.55,120000,100000,20," + below + ",B");
        String churn = RuleTests.replaced(RuleTests.read("churn-triggers.csv"),
                "Revenue decline at a key account (HIGH),0.60,5,",
                "Revenue decline at a key account (HIGH),0.60," + below + ",");
        return List.of(RuleTests.file("tiers.csv", tiers), RuleTests.file("churn-triggers.csv", churn));
    }
}
