package com.acme.tiering.ruleset;

import java.util.List;
import java.util.Map;

/**
 * The policy a ruleset version states, as an operations manager reads it rather than as Drools runs it: its tier
 * catalog, the entitlements its plan table declares and what each plan row gives, and its churn-trigger rows. Read
 * from the version's files by the readers that compile them ({@link RulesetPolicies}), so a page shows what the
 * version decides without reading a spreadsheet itself. Immutable, like the version.
 *
 * @param tiers the version's tier catalog, highest first
 * @param catalogFile the file the catalog is in, e.g. {@code tier-catalog.xlsx}
 * @param entitlements the entitlements of the plan table, in column order
 * @param planRows the plan table's rows, in table order (first match)
 * @param triggers the rows of the churn-trigger table, in table order; a trigger a DRL rule gives is not among them
 */
public record RulesetPolicy(TierCatalog tiers, String catalogFile, List<Entitlement> entitlements,
        List<PlanRow> planRows, List<Trigger> triggers) {

    public RulesetPolicy {
        entitlements = List.copyOf(entitlements);
        planRows = List.copyOf(planRows);
        triggers = List.copyOf(triggers);
    }

    /**
     * An entitlement a plan table's column gives.
     *
     * @param codeList for {@link EntitlementType#CODE}, the list its values come from; {@code codes} its codes
     * @param cell the column's template cell, e.g. {@code G9}: where the declaration is typed
     * @param declared false for a column written before declarations ({@code decision.responseSlaHours($param);}),
     *        whose type the service fixes
     */
    public record Entitlement(String name, EntitlementType type, String codeList, List<String> codes, String file,
            String sheet, String cell, boolean declared) {

        public Entitlement {
            codes = List.copyOf(codes);
        }

        /** The type as the declaration writes it: {@code yes/no}, {@code integer}, {@code code:accountManager}. */
        public String typeWord() {
            return type == EntitlementType.CODE ? "code:" + codeList : type.word();
        }
    }

    /**
     * One row of the plan table.
     *
     * @param row the spreadsheet's row number, 1-based as a person reads it
     * @param conditions when the row applies, in words: {@code tier = B}, {@code churnRisk = HIGH}; none for every
     *        customer
     * @param entitlements name to value as the lookup answers it (Boolean, Long, BigDecimal or String), in column
     *        order; an entitlement the row leaves empty is absent
     */
    public record PlanRow(String file, String sheet, int row, String name, String description,
            List<String> conditions, String plan, Map<String, Object> entitlements) {

        public PlanRow {
            conditions = List.copyOf(conditions);
            entitlements = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entitlements));
        }
    }

    /**
     * One row of the churn-trigger table: the trigger at one risk.
     *
     * @param row the spreadsheet's row number, 1-based
     * @param conditions in words, e.g. {@code recencyDays > 3 × avgInterOrderDays}; all must hold
     * @param tiers the tier codes it applies to; none for every tier
     * @param ownerRole null when the row names none
     * @param dueWithinHours null when the cell is not a number (a version that was refused)
     */
    public record Trigger(String file, String sheet, int row, String id, String description, List<String> conditions,
            List<String> tiers, String risk, String recommendedAction, String ownerRole, Integer dueWithinHours) {

        public Trigger {
            conditions = List.copyOf(conditions);
            tiers = List.copyOf(tiers);
        }
    }

    /** The file of the plan table, null when the version has none. */
    public String planFile() {
        return planRows.isEmpty() ? entitlements.isEmpty() ? null : entitlements.get(0).file() : planRows.get(0).file();
    }

    /** The file of the churn-trigger table, null when the version has none. */
    public String triggerFile() {
        return triggers.isEmpty() ? null : triggers.get(0).file();
    }
}
