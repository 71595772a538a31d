package com.acme.tiering.decision;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import com.acme.tiering.facts.CustomerFacts;

/**
 * A digest of what the customer's facts say about the customer, whatever the day they were derived on: every fact
 * the rules read except the tier-policy state (currentTier, currentTierSince, downgradePendingSince), which is what a
 * decision changes, not what the customer did; and with the day counts taken as the dates they count from
 * (recencyDays as the last order's date, lastContactDays as the last contact's, daysSinceFirstOrder and
 * tenureMonths through firstOrderDate), without asOf. So a customer who did nothing keeps its digest from one day
 * to the next and a rollback a few days after a mistaken publication still restores it; an order, an interaction,
 * a customer edit, an attribute value set, changed or removed, an order leaving a 12-month window or a new place among
 * the population changes it. Numbers are compared by value, as the rules compare them (1.5 and 1.50 are the same).
 */
public final class FactsDigest {

    static final Set<String> TIER_POLICY_STATE = Set.of("currentTier", "currentTierSince", "downgradePendingSince");

    /** The evaluation date and the counts that only follow from it and firstOrderDate. */
    private static final Set<String> THE_DAY = Set.of("asOf", "daysSinceFirstOrder", "tenureMonths");

    /** Day counts that stand for the date they count from. */
    private static final Set<String> DAYS_SINCE = Set.of("recencyDays", "lastContactDays");

    private FactsDigest() {
    }

    public static String of(CustomerFacts facts) {
        StringBuilder canonical = new StringBuilder(512);
        for (String name : CustomerFacts.NAMES) {
            if (!TIER_POLICY_STATE.contains(name) && !THE_DAY.contains(name)) {
                canonical.append(name).append('\u001e').append(canonical(value(facts, name))).append('\u001f');
            }
        }
        // attribute values, in name order, after the facts: a customer without any keeps the digest it had before
        facts.attributes().asMap().forEach((name, value) -> canonical.append("attribute.").append(name)
                .append('\u001e').append(canonical(value)).append('\u001f'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Object value(CustomerFacts facts, String name) {
        Object value = facts.value(name);
        if (DAYS_SINCE.contains(name) && value instanceof Integer days && facts.asOf() != null) {
            return facts.asOf().minusDays(days);
        }
        return value;
    }

    private static String canonical(Object value) {
        if (value == null) {
            return "\u0000";
        }
        return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : value.toString();
    }
}
