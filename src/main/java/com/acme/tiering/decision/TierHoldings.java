package com.acme.tiering.decision;

import java.util.Map;

/**
 * Which tier codes the current decisions hold, counted per code: what removing a tier from the catalog would leave
 * without a tier unless another tier replaces it.
 *
 * @param customers code → customers whose decision gives it as the tier in force or as the rules' tier under an
 *        override (the tier the tier policy starts from)
 * @param pendingDowngrades code → customers whose downgrade to it waits for its grace period
 */
public record TierHoldings(Map<String, Long> customers, Map<String, Long> pendingDowngrades) {

    public TierHoldings {
        customers = Map.copyOf(customers);
        pendingDowngrades = Map.copyOf(pendingDowngrades);
    }

    public long customers(String code) {
        return customers.getOrDefault(code, 0L);
    }

    public long pendingDowngrades(String code) {
        return pendingDowngrades.getOrDefault(code, 0L);
    }
}
