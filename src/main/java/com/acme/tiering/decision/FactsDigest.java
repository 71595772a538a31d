package com.acme.tiering.decision;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import com.acme.tiering.facts.CustomerFacts;

/**
 * A digest of every fact the rules read except the tier-policy state (currentTier, currentTierSince,
 * downgradePendingSince): two facts snapshots with the same digest give the same decision from the same
 * tier-policy state. The tier-policy state is left out because it is what a decision changes, not what the
 * customer did; numbers are compared by value, as the rules compare them (1.5 and 1.50 are the same).
 */
public final class FactsDigest {

    static final Set<String> TIER_POLICY_STATE = Set.of("currentTier", "currentTierSince", "downgradePendingSince");

    private FactsDigest() {
    }

    public static String of(CustomerFacts facts) {
        StringBuilder canonical = new StringBuilder(512);
        for (String name : CustomerFacts.NAMES) {
            if (!TIER_POLICY_STATE.contains(name)) {
                canonical.append(name).append('\u001e').append(canonical(facts.value(name))).append('\u001f');
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String canonical(Object value) {
        if (value == null) {
            return "\u0000";
        }
        return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : value.toString();
    }
}
