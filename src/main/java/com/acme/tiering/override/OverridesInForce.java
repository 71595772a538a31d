package com.acme.tiering.override;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import com.acme.tiering.evaluation.TierOverride;

/** What other rooms read of manual overrides: the ones in force, for deciding customers with them. */
public interface OverridesInForce {

    /** The overrides in force at {@code now} for these customers, by customer id. */
    Map<String, TierOverride> inForce(Collection<String> customerIds, Instant now);

    /**
     * Every override in force at {@code now}, by customer id, with the tier it was set with: what a change of the
     * tier catalog must find a tier for. Overrides are set by hand, so they are few.
     */
    Map<String, TierOverride> allInForce(Instant now);
}
