package com.acme.tiering.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.acme.tiering.ruleset.RulesetPolicy;
import com.acme.tiering.ruleset.RulesetPolicy.Entitlement;
import com.acme.tiering.ruleset.RulesetPolicy.PlanRow;
import com.acme.tiering.ruleset.RulesetPolicy.Trigger;
import com.acme.tiering.ruleset.Tier;

/**
 * The policy in force beside another version's, line by line as the Rules pages show it: the tiers, the declared
 * entitlements, the plan rows with what each gives, and the churn-trigger rows, each line marked added, removed,
 * changed or unchanged, each cell with the value in force ({@code before}) and the other version's ({@code after}).
 * Without another version every line is the policy in force, unchanged.
 */
public record PolicyComparison(boolean comparing, List<TierLine> tiers, List<EntitlementLine> entitlements,
        List<Column> columns, List<PlanLine> planRows, List<TriggerLine> triggers) {

    public enum Change { UNCHANGED, ADDED, REMOVED, CHANGED }

    /** One value in force and in the other version; null where the line has none. */
    public record Cell(String before, String after) {

        public boolean changed() {
            return !Objects.equals(before, after);
        }

        /** The other version's value, or the one in force where the other has none (a removed line). */
        public String shown() {
            return after != null ? after : before;
        }
    }

    /** @param customersNow current decisions with the tier; {@code customersAfter} after publishing, simulated */
    public record TierLine(String code, Change change, Cell name, Cell rank, Cell colour, Cell description, Cell replaces,
            Long customersNow, Long customersAfter) {
    }

    public record EntitlementLine(String name, Change change, Cell type, Cell codes, Cell declaredIn) {
    }

    /** An entitlement column of the plan-row table. */
    public record Column(String name, Change change) {
    }

    /** @param values by entitlement name, for every column of {@link PolicyComparison#columns()} */
    public record PlanLine(Change change, Cell row, Cell name, Cell description, Cell conditions, Cell plan,
            Map<String, Cell> values) {
    }

    public record TriggerLine(Change change, Cell row, Cell id, Cell description, Cell conditions, Cell tiers, Cell risk,
            Cell action, Cell ownerRole, Cell hours) {
    }

    /**
     * @param other the version beside the one in force, or null for the policy in force alone
     * @param customersNow current decisions per tier code
     * @param customersAfter per tier code after putting {@code other} in force, from its simulation; null without one
     */
    static PolicyComparison of(RulesetPolicy inForce, RulesetPolicy other, Map<String, Long> customersNow,
            Map<String, Long> customersAfter) {
        RulesetPolicy later = other != null ? other : inForce;
        List<EntitlementLine> entitlements = lines(inForce.entitlements(), later.entitlements(),
                PolicyComparison::entitlement, Entitlement::name);
        List<Column> columns = entitlements.stream().map(e -> new Column(e.name(), e.change())).toList();
        return new PolicyComparison(other != null,
                lines(inForce.tiers().byRank(), later.tiers().byRank(),
                        (before, after) -> tier(before, after, customersNow, customersAfter), Tier::code),
                entitlements, columns,
                lines(inForce.planRows(), later.planRows(), (before, after) -> planRow(before, after, columns),
                        PolicyComparison::planKey),
                lines(inForce.triggers(), later.triggers(), PolicyComparison::trigger,
                        t -> t.id() + " " + t.risk(), Trigger::id));
    }

    /** Whether any line differs: what the page says first when the two versions state the same policy. */
    public boolean anyChange() {
        return changed(tiers, TierLine::change) || changed(entitlements, EntitlementLine::change)
                || changed(planRows, PlanLine::change) || changed(triggers, TriggerLine::change);
    }

    private static <L> boolean changed(List<L> lines, Function<L, Change> change) {
        return lines.stream().anyMatch(line -> change.apply(line) != Change.UNCHANGED);
    }

    @SafeVarargs
    private static <T, L> List<L> lines(List<T> before, List<T> after, java.util.function.BiFunction<T, T, L> line,
            Function<T, ?>... keys) {
        return Alignment.of(before, after, keys).stream().map(pair -> line.apply(pair.before(), pair.after()))
                .toList();
    }

    private static Change change(Object before, Object after, Cell... cells) {
        if (before == null) {
            return Change.ADDED;
        }
        if (after == null) {
            return Change.REMOVED;
        }
        for (Cell cell : cells) {
            if (cell.changed()) {
                return Change.CHANGED;
            }
        }
        return Change.UNCHANGED;
    }

    private static <T> Cell cell(T before, T after, Function<T, ?> value) {
        return new Cell(before == null ? null : text(value.apply(before)), after == null ? null : text(value.apply(after)));
    }

    private static TierLine tier(Tier before, Tier after, Map<String, Long> now, Map<String, Long> later) {
        Cell name = cell(before, after, Tier::name);
        Cell rank = cell(before, after, Tier::rank);
        Cell colour = cell(before, after, Tier::colour);
        Cell description = cell(before, after, Tier::description);
        Cell replaces = cell(before, after, t -> String.join(", ", t.replaces()));
        String code = (after != null ? after : before).code();
        return new TierLine(code, change(before, after, name, rank, colour, description, replaces), name, rank, colour,
                description, replaces, before == null ? null : now.getOrDefault(code, 0L),
                later == null ? null : later.getOrDefault(code, 0L));
    }

    private static EntitlementLine entitlement(Entitlement before, Entitlement after) {
        Cell type = cell(before, after, Entitlement::typeWord);
        Cell codes = cell(before, after, e -> String.join(", ", e.codes()));
        Cell declaredIn = cell(before, after, e -> e.file() + " › " + e.sheet() + " › " + e.cell());
        return new EntitlementLine((after != null ? after : before).name(), change(before, after, type, codes), type,
                codes, declaredIn);
    }

    /** Rows are known by their NAME cell, unique in a table; a row without one by its plan and conditions. */
    private static Object planKey(PlanRow row) {
        return row.name() != null ? row.name() : row.plan() + " " + row.conditions();
    }

    private static PlanLine planRow(PlanRow before, PlanRow after, List<Column> columns) {
        Cell name = cell(before, after, PlanRow::name);
        Cell description = cell(before, after, PlanRow::description);
        Cell conditions = cell(before, after, r -> r.conditions().isEmpty() ? "every customer"
                : String.join(", ", r.conditions()));
        Cell plan = cell(before, after, PlanRow::plan);
        Map<String, Cell> values = new LinkedHashMap<>();
        columns.forEach(column -> values.put(column.name(), cell(before, after, r -> r.entitlements().get(column.name()))));
        List<Cell> compared = new ArrayList<>(List.of(name, description, conditions, plan));
        compared.addAll(values.values());
        return new PlanLine(change(before, after, compared.toArray(Cell[]::new)), cell(before, after, PlanRow::row),
                name, description, conditions, plan, values);
    }

    private static TriggerLine trigger(Trigger before, Trigger after) {
        Cell id = cell(before, after, Trigger::id);
        Cell description = cell(before, after, Trigger::description);
        Cell conditions = cell(before, after, t -> t.conditions().isEmpty() ? "always"
                : String.join(" and ", t.conditions()));
        Cell tiers = cell(before, after, t -> t.tiers().isEmpty() ? "every tier" : String.join(", ", t.tiers()));
        Cell risk = cell(before, after, Trigger::risk);
        Cell action = cell(before, after, Trigger::recommendedAction);
        Cell owner = cell(before, after, Trigger::ownerRole);
        Cell hours = cell(before, after, Trigger::dueWithinHours);
        return new TriggerLine(change(before, after, id, description, conditions, tiers, risk, action, owner, hours),
                cell(before, after, Trigger::row), id, description, conditions, tiers, risk, action, owner, hours);
    }

    /** A value as the page shows it: yes/no for a yes/no entitlement, decimals without trailing zeros. */
    static String text(Object value) {
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value == null ? null : value.toString();
    }
}
