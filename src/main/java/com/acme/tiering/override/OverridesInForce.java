package com.acme.tiering.override;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import com.acme.tiering.evaluation.TierOverride;

/** What other rooms read of manual overrides: the ones in force, for deciding customers with them. */
public interface OverridesInForce {

    /** The overrides in force at {@code now} for these customers, by customer id. */
    Map<String, TierOverride> inForce(Collection<String> customerIds, Instant now);
}
