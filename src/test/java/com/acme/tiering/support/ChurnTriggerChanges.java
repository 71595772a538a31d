package com.acme.tiering.support;

import java.util.List;

import com.acme.tiering.ruleset.RuleFile;

/**
 * The churn-trigger table changed as rules/README.md shows an operations manager: COMPLAINT_BURST raised to three
 * complaints in 90 days (H15), a trigger row BIG_DROP added (row 19), and the rule-test scenarios that pinned the
 * shipped triggers moved with them, so that the draft passes its tests and can be published.
 */
public final class ChurnTriggerChanges {

    public static final String FILE = "churn-triggers.xlsx";
    public static final String BIG_DROP = "BIG_DROP";

    private byte[] table;
    private String triggerTests = RuleTests.read("churn-triggers.csv");
    private String planTests = RuleTests.read("service-plans.csv");

    private ChurnTriggerChanges(byte[] table) {
        this.table = table;
    }

    /** Changes to this table, e.g. the churn-triggers.xlsx in force. */
    public static ChurnTriggerChanges of(byte[] table) {
        return new ChurnTriggerChanges(table);
    }

    /**
     * A burst is three complaints in 90 days: H15 (complaintsLast90d ≥ of the COMPLAINT_BURST row) is 3, and the
     * scenarios of a two-complaint burst, and of a key account at high risk through one, have three complaints.
     */
    public ChurnTriggerChanges complaintBurstAtThree() {
        table = Workbooks.withCell(table, "ChurnTriggers", 14, 7, 3);
        triggerTests = RuleTests.replaced(triggerTests,
                "Complaint burst: two complaints in 90 days,0.95,2,2023-01-01,10,,,,2,",
                "Complaint burst: three complaints in 90 days,0.95,2,2023-01-01,10,,,,3,");
        planTests = RuleTests.replaced(planTests, "Key account at high churn risk,0.80,3,2022-01-01,20,2,",
                "Key account at high churn risk,0.80,3,2022-01-01,20,3,");
        return this;
    }

    /**
     * BIG_DROP (HIGH) in row 19, every tier: the last 6 months brought less than 0.3 × the 6 months before
     * (G19). The shipped scenario of a customer whose revenue fell from 9,999 to 100 now expects it (and the
     * retention plan its high risk brings), and one at exactly 30% expects none.
     */
    public ChurnTriggerChanges withBigDrop() {
        Object[] row = { BIG_DROP, "Big drop (HIGH): the last 6 months brought less than 30% of the 6 months before",
            null, null, null, null, 0.3, null, null, null, null, null, "HIGH", "Account manager calls within 7 days",
            "ACCOUNT_MANAGER", 168 };
        for (int c = 0; c < row.length; c++) {
            if (row[c] != null) {
                table = Workbooks.withCell(table, "ChurnTriggers", 18, c, row[c]);
            }
        }
        triggerTests = RuleTests.replaced(triggerTests,
                "No revenue decline below 10000 before,0.95,3,2023-01-01,10,60,9999,100,,,10,,C,-,STANDARD",
                "Big drop but no revenue decline below 10000 before,0.95,3,2023-01-01,10,60,9999,100,,,10,,C,BIG_DROP,"
                        + "STANDARD_RETENTION\n"
                        + "No big drop at exactly 30%,0.95,3,2023-01-01,10,60,5000,1500,,,10,,C,-,STANDARD");
        return this;
    }

    /** The changed table, to upload as churn-triggers.xlsx. */
    public RuleFile table() {
        return new RuleFile(FILE, table);
    }

    /** The scenarios of rule-tests/churn-triggers.csv and service-plans.csv, moved with the changes. */
    public List<RuleFile> tests() {
        return List.of(RuleTests.file("churn-triggers.csv", triggerTests),
                RuleTests.file("service-plans.csv", planTests));
    }
}
