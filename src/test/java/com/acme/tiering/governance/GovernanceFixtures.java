package com.acme.tiering.governance;

import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.support.Workbooks;

/** Edited copies of the shipped tiers.xlsx (the customers they move: {@code Governance.threeCustomersEvaluated}). */
final class GovernanceFixtures {

    private GovernanceFixtures() {
    }

    /** The Strategic row's paretoShare threshold (Tiers!C11) changed: fails the scenarios that pin 0.70. */
    static RuleFile strategicThreshold(ActiveRuleset active, double value) {
        return new RuleFile("tiers.xlsx", Workbooks.withCell(tiers(active), "Tiers", 10, 2, value));
    }

    /** Only the Strategic row's description (Tiers!B11) reworded: every scenario still passes. */
    static RuleFile rewordedDescription(ActiveRuleset active, String text) {
        return new RuleFile("tiers.xlsx", Workbooks.withCell(tiers(active), "Tiers", 10, 1, text));
    }

    /** The tiers in force saved in the Excel 97 format, as LibreOffice or an older Excel saves them. */
    static RuleFile tiersAsXls(ActiveRuleset active) {
        return new RuleFile("tiers.xls", Workbooks.asXls(tiers(active)));
    }

    private static byte[] tiers(ActiveRuleset active) {
        return active.current().files().stream().filter(f -> f.name().equals("tiers.xlsx")).findFirst().orElseThrow()
                .content();
    }
}
