package com.acme.tiering.governance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.decision.TierHoldings;
import com.acme.tiering.evaluation.TierOverride;
import com.acme.tiering.override.OverridesInForce;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.Finding;
import com.acme.tiering.ruleset.TierCatalog;
import com.acme.tiering.ruleset.TierCatalogChange;

/**
 * A change of the tier catalog checked against what the database holds now: a tier code that current decisions
 * hold, that a manual override in force names or that a pending downgrade goes to needs a tier of the new catalog,
 * its own or one whose Replaces cell lists it. Checked when a draft is uploaded and again when it is published (the
 * customers may have moved since); a rollback is refused only while manual overrides name a tier the restored
 * catalog lacks, as the others are decided again normally (docs/publishing.md).
 */
@Component
class TierRemovals {

    /** Customers named in a refused rollback, so the message stays readable. */
    static final int CUSTOMERS_NAMED = 20;

    private final DecisionQueries decisions;
    private final OverridesInForce overrides;
    private final Clock clock;

    TierRemovals(DecisionQueries decisions, OverridesInForce overrides, Clock clock) {
        this.decisions = decisions;
        this.overrides = overrides;
        this.clock = clock;
    }

    /**
     * One finding per code that the rules in force place and the next ones would leave without a tier while the
     * database holds it, pinned to the next catalog's Replaces column. Reads the database only when the change
     * leaves some code without a tier.
     */
    List<Finding> unmapped(CompiledRuleset inForce, CompiledRuleset next) {
        Set<String> lost = lostCodes(inForce.tiers(), next.tiers());
        if (lost.isEmpty()) {
            return List.of();
        }
        TierHoldings holdings = decisions.tierHoldings();
        Map<String, Map<TierOverride.Kind, Long>> named = overridesByCode();
        List<Finding> findings = new ArrayList<>();
        for (String code : lost) {
            String held = held(holdings.customers(code), named.getOrDefault(code, Map.of()),
                    holdings.pendingDowngrades(code));
            if (held != null) {
                findings.add(TierCatalogChange.atReplaces(next.files(), "tier " + describe(code, inForce.tiers())
                        + " is removed but " + held + "; list " + code + " in the Replaces cell of the tier that takes "
                        + "them", "In the row of the tier its customers move into, type " + code + " in the Replaces "
                        + "cell (several codes separated by commas); without the column, add a header Replaces"));
            }
        }
        return findings;
    }

    /** The same findings, worded as the reasons a publication is refused. */
    List<String> unmappedReasons(CompiledRuleset inForce, CompiledRuleset next) {
        return unmapped(inForce, next).stream().map(f -> f.location() + ": " + f.message()).toList();
    }

    /**
     * Why putting a version that was in force before back in force is refused now: manual overrides in force name a
     * tier its catalog neither has nor replaces, and which one to end. Customers and pending downgrades on such a
     * tier refuse nothing: they are decided again with the restored rules.
     */
    List<String> rollbackRefusals(CompiledRuleset restored, long restoredId) {
        Map<String, List<String>> blocking = new TreeMap<>();
        overrides.allInForce(clock.instant()).forEach((customer, override) -> {
            String code = setWith(override);
            if (!resolves(restored.tiers(), code)) {
                blocking.computeIfAbsent(code, c -> new ArrayList<>()).add(customer + " (" + override.kind() + ")");
            }
        });
        List<String> reasons = new ArrayList<>();
        blocking.forEach((code, customers) -> reasons.add(customers.size() + " manual override(s) in force name tier "
                + code + ", which the tier catalog of version " + restoredId + " neither has nor replaces: end the "
                + "override(s) of " + named(customers) + " first, or set them at a tier of version " + restoredId));
        return reasons;
    }

    /**
     * The codes the catalog in force gives a tier (its own, and those its Replaces cells map) that the next catalog
     * neither has nor maps, in rank order.
     */
    static Set<String> lostCodes(TierCatalog inForce, TierCatalog next) {
        Set<String> lost = new LinkedHashSet<>();
        inForce.codes().stream().filter(code -> !resolves(next, code)).forEach(lost::add);
        inForce.replacements().keySet().stream().filter(code -> !resolves(next, code)).forEach(lost::add);
        return lost;
    }

    /** Whether the catalog gives the code a tier: its own, or the one that replaces it. */
    static boolean resolves(TierCatalog tiers, String code) {
        return tiers.contains(tiers.inForce(code));
    }

    /** The code an override was set with, whatever a catalog maps it to. */
    static String setWith(TierOverride override) {
        return override.replacedTier() != null ? override.replacedTier() : override.tier();
    }

    private Map<String, Map<TierOverride.Kind, Long>> overridesByCode() {
        Map<String, Map<TierOverride.Kind, Long>> byCode = new TreeMap<>();
        overrides.allInForce(clock.instant()).values().forEach(o -> byCode
                .computeIfAbsent(setWith(o), c -> new TreeMap<>()).merge(o.kind(), 1L, Long::sum));
        return byCode;
    }

    /** "890 customers hold it, 2 manual overrides name it (PIN 1, FLOOR 1) and 3 pending downgrades go to it". */
    private static String held(long customers, Map<TierOverride.Kind, Long> overrides, long pending) {
        List<String> parts = new ArrayList<>();
        if (customers > 0) {
            parts.add(customers + (customers == 1 ? " customer holds it" : " customers hold it"));
        }
        long named = overrides.values().stream().mapToLong(Long::longValue).sum();
        if (named > 0) {
            parts.add(named + (named == 1 ? " manual override names it" : " manual overrides name it") + " ("
                    + String.join(", ", overrides.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .toList()) + ")");
        }
        if (pending > 0) {
            parts.add(pending + (pending == 1 ? " pending downgrade goes to it" : " pending downgrades go to it"));
        }
        if (parts.isEmpty()) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1)) + " and "
                + parts.get(parts.size() - 1);
    }

    private static String describe(String code, TierCatalog inForce) {
        return inForce.tier(code).map(t -> code + " (" + t.name() + ")")
                .orElseGet(() -> code + " (which " + inForce.inForce(code) + " replaces in the rules in force)");
    }

    private static String named(List<String> customers) {
        return customers.size() <= CUSTOMERS_NAMED ? String.join(", ", customers)
                : String.join(", ", customers.subList(0, CUSTOMERS_NAMED)) + " and " + (customers.size()
                        - CUSTOMERS_NAMED) + " more";
    }
}
