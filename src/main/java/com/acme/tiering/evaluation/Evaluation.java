package com.acme.tiering.evaluation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.ruleset.EntitlementType;

/**
 * The result of running the active ruleset for one customer: nothing is recorded yet.
 *
 * @param qualifiedTier the tier the tier table gave before the tier policy (downgrade grace) applied
 * @param tier the tier in force: the rules' tier, or what a manual override made of it
 * @param rulesTier the tier the rules gave after the tier policy, whatever a manual override says
 * @param manualOverride the override in force when the customer was evaluated, else null
 * @param downgradePendingSince set while a downgrade waits for its grace period, else null
 * @param tierProtectedUntil the last day the current tier is protected by the grace period, else null
 * @param churnRisk NONE, LOW, MEDIUM or HIGH: the highest risk among the signals
 */
public record Evaluation(
        String customerId,
        LocalDate asOf,
        String rulesetVersion,
        String tier,
        String tierName,
        String qualifiedTier,
        String rulesTier,
        TierOverride manualOverride,
        LocalDate downgradePendingSince,
        LocalDate tierProtectedUntil,
        ServicePlan servicePlan,
        String lifecycleStage,
        String rfmSegment,
        String churnRisk,
        List<ChurnSignal> churnSignals,
        CustomerFacts facts,
        Explanation explanation) {

    public record ServicePlan(String code, Entitlements entitlements) {
    }

    /**
     * A plan's entitlements as the plan table declares them, in column order: name to a Boolean (yes/no), Long
     * (integer), BigDecimal (decimal) or String (text and codes). Written as a JSON object of those values; read
     * back from one (decisions recorded before entitlements were declared have the same shape), numbers become
     * Long or BigDecimal again, and two decimals are equal when their values are, whatever their scale.
     */
    public static final class Entitlements {

        private final Map<String, Object> values;

        public Entitlements(Map<String, ?> values) {
            Map<String, Object> typed = new LinkedHashMap<>();
            values.forEach((name, value) -> {
                if (value != null) {
                    typed.put(name, typed(name, value));
                }
            });
            this.values = Collections.unmodifiableMap(typed);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Entitlements read(Map<String, Object> json) {
            return new Entitlements(json);
        }

        /** Name to value, in the order the plan table's columns declare them. */
        @JsonValue
        public Map<String, Object> values() {
            return values;
        }

        /** The value of one entitlement, null when the plan has none of that name. */
        public Object get(String name) {
            return values.get(name);
        }

        private static Object typed(String name, Object value) {
            if (value instanceof Boolean || value instanceof String || value instanceof Long) {
                return value;
            }
            if (value instanceof Integer || value instanceof Short || value instanceof BigInteger) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigDecimal decimal) {
                return EntitlementType.decimal(decimal);
            }
            if (value instanceof Double || value instanceof Float) {
                return EntitlementType.decimal(new BigDecimal(value.toString()));
            }
            throw new IllegalArgumentException("The entitlement " + name + " is not a yes/no, number or text: "
                    + value);
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Entitlements that) || !values.keySet().equals(that.values.keySet())) {
                return false;
            }
            return values.entrySet().stream().allMatch(e -> sameValue(e.getValue(), that.values.get(e.getKey())));
        }

        private static boolean sameValue(Object a, Object b) {
            if (a instanceof Number x && b instanceof Number y) {
                return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
            }
            return Objects.equals(a, b);
        }

        @Override
        public int hashCode() {
            return values.keySet().hashCode();
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }

    /**
     * @param ownerRole who in the sales or service organisation acts on it, e.g. ACCOUNT_MANAGER; null when the rule
     *     names none
     */
    public record ChurnSignal(String triggerId, String risk, String recommendedAction, String ownerRole,
            int dueWithinHours) {
    }
}
