package com.acme.tiering.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The vocabulary of the rules (PRODUCT.md §3): everything a rule may read about one customer,
 * as of one evaluation date. Counts and amounts are never null (0 when nothing happened, also when a
 * what-if or a rule test leaves them out); values that cannot be known (no order ever, no NPS survey) are null.
 *
 * <p>{@code asOf} and {@code daysSinceFirstOrder} are not in the brief's table but are facts all the
 * same: the evaluation date, and the whole days between the first order and it (null if none).
 *
 * @param attributes the customer's values of the attributes the rules declare (never null; empty when it has none):
 *        rules read them by name, like facts, through {@link AttributeValues#holds}
 */
public record CustomerFacts(
        String customerId,
        String name,
        String industry,
        String region,
        Integer employees,
        String accountOwner,
        LocalDate asOf,
        LocalDate firstOrderDate,
        Integer daysSinceFirstOrder,
        Integer tenureMonths,
        Integer recencyDays,
        Integer ordersLast12m,
        BigDecimal revenueLast12m,
        BigDecimal revenuePrev12m,
        BigDecimal revenueGrowthPct,
        BigDecimal revenueLast6m,
        BigDecimal revenuePrev6m,
        BigDecimal avgOrderValue12m,
        BigDecimal avgInterOrderDays,
        Integer complaintsLast90d,
        Integer openTickets,
        Integer lastContactDays,
        Integer latestNps,
        Integer referralsLast12m,
        Integer rScore,
        Integer fScore,
        Integer mScore,
        BigDecimal paretoShare,
        String currentTier,
        LocalDate currentTierSince,
        LocalDate downgradePendingSince,
        AttributeValues attributes) {

    /** Fact names in the order of PRODUCT.md §3, as rules, rule tests and explanations spell them. */
    public static final List<String> NAMES = List.of(
            "customerId", "name", "industry", "region", "employees", "accountOwner", "asOf",
            "firstOrderDate", "daysSinceFirstOrder", "tenureMonths", "recencyDays", "ordersLast12m",
            "revenueLast12m", "revenuePrev12m", "revenueGrowthPct", "revenueLast6m", "revenuePrev6m",
            "avgOrderValue12m", "avgInterOrderDays", "complaintsLast90d", "openTickets", "lastContactDays",
            "latestNps", "referralsLast12m", "rScore", "fScore", "mScore", "paretoShare", "currentTier",
            "currentTierSince", "downgradePendingSince");

    public CustomerFacts {
        tenureMonths = zeroIfNull(tenureMonths);
        ordersLast12m = zeroIfNull(ordersLast12m);
        complaintsLast90d = zeroIfNull(complaintsLast90d);
        openTickets = zeroIfNull(openTickets);
        referralsLast12m = zeroIfNull(referralsLast12m);
        revenueLast12m = zeroIfNull(revenueLast12m);
        revenuePrev12m = zeroIfNull(revenuePrev12m);
        revenueLast6m = zeroIfNull(revenueLast6m);
        revenuePrev6m = zeroIfNull(revenuePrev6m);
        attributes = attributes == null ? AttributeValues.NONE : attributes;
    }

    /** Facts without attributes: a customer that has none, or facts from before attributes were declared. */
    public CustomerFacts(String customerId, String name, String industry, String region, Integer employees,
            String accountOwner, LocalDate asOf, LocalDate firstOrderDate, Integer daysSinceFirstOrder,
            Integer tenureMonths, Integer recencyDays, Integer ordersLast12m, BigDecimal revenueLast12m,
            BigDecimal revenuePrev12m, BigDecimal revenueGrowthPct, BigDecimal revenueLast6m, BigDecimal revenuePrev6m,
            BigDecimal avgOrderValue12m, BigDecimal avgInterOrderDays, Integer complaintsLast90d, Integer openTickets,
            Integer lastContactDays, Integer latestNps, Integer referralsLast12m, Integer rScore, Integer fScore,
            Integer mScore, BigDecimal paretoShare, String currentTier, LocalDate currentTierSince,
            LocalDate downgradePendingSince) {
        this(customerId, name, industry, region, employees, accountOwner, asOf, firstOrderDate, daysSinceFirstOrder,
                tenureMonths, recencyDays, ordersLast12m, revenueLast12m, revenuePrev12m, revenueGrowthPct,
                revenueLast6m, revenuePrev6m, avgOrderValue12m, avgInterOrderDays, complaintsLast90d, openTickets,
                lastContactDays, latestNps, referralsLast12m, rScore, fScore, mScore, paretoShare, currentTier,
                currentTierSince, downgradePendingSince, AttributeValues.NONE);
    }

    /**
     * These facts with what a what-if or a rule test may leave out filled in: an id, the evaluation date,
     * and daysSinceFirstOrder from firstOrderDate.
     */
    public CustomerFacts completed(String defaultId, LocalDate defaultAsOf) {
        LocalDate date = asOf == null ? defaultAsOf : asOf;
        Integer sinceFirst = daysSinceFirstOrder != null || firstOrderDate == null ? daysSinceFirstOrder
                : Integer.valueOf((int) java.time.temporal.ChronoUnit.DAYS.between(firstOrderDate, date));
        return new CustomerFacts(customerId == null ? defaultId : customerId, name, industry, region, employees,
                accountOwner, date, firstOrderDate, sinceFirst, tenureMonths, recencyDays, ordersLast12m,
                revenueLast12m, revenuePrev12m, revenueGrowthPct, revenueLast6m, revenuePrev6m, avgOrderValue12m,
                avgInterOrderDays, complaintsLast90d, openTickets, lastContactDays, latestNps, referralsLast12m,
                rScore, fScore, mScore, paretoShare, currentTier, currentTierSince, downgradePendingSince,
                attributes);
    }

    /**
     * These facts starting from another tier-policy state: how a rollback makes again the decision a customer
     * had before the rolled-back version, from the tier it held then.
     */
    public CustomerFacts withTierState(String tier, LocalDate tierSince, LocalDate pendingSince) {
        return new CustomerFacts(customerId, name, industry, region, employees, accountOwner, asOf, firstOrderDate,
                daysSinceFirstOrder, tenureMonths, recencyDays, ordersLast12m, revenueLast12m, revenuePrev12m,
                revenueGrowthPct, revenueLast6m, revenuePrev6m, avgOrderValue12m, avgInterOrderDays, complaintsLast90d,
                openTickets, lastContactDays, latestNps, referralsLast12m, rScore, fScore, mScore, paretoShare, tier,
                tierSince, pendingSince, attributes);
    }

    /** These facts with the customer's attribute values in place of the ones they have. */
    public CustomerFacts withAttributes(AttributeValues values) {
        return new CustomerFacts(customerId, name, industry, region, employees, accountOwner, asOf, firstOrderDate,
                daysSinceFirstOrder, tenureMonths, recencyDays, ordersLast12m, revenueLast12m, revenuePrev12m,
                revenueGrowthPct, revenueLast6m, revenuePrev6m, avgOrderValue12m, avgInterOrderDays, complaintsLast90d,
                openTickets, lastContactDays, latestNps, referralsLast12m, rScore, fScore, mScore, paretoShare,
                currentTier, currentTierSince, downgradePendingSince, values);
    }

    /** The value of a fact by its name, without reflection: explanations read facts on the hot path. */
    public Object value(String fact) {
        return switch (fact) {
            case "customerId" -> customerId;
            case "name" -> name;
            case "industry" -> industry;
            case "region" -> region;
            case "employees" -> employees;
            case "accountOwner" -> accountOwner;
            case "asOf" -> asOf;
            case "firstOrderDate" -> firstOrderDate;
            case "daysSinceFirstOrder" -> daysSinceFirstOrder;
            case "tenureMonths" -> tenureMonths;
            case "recencyDays" -> recencyDays;
            case "ordersLast12m" -> ordersLast12m;
            case "revenueLast12m" -> revenueLast12m;
            case "revenuePrev12m" -> revenuePrev12m;
            case "revenueGrowthPct" -> revenueGrowthPct;
            case "revenueLast6m" -> revenueLast6m;
            case "revenuePrev6m" -> revenuePrev6m;
            case "avgOrderValue12m" -> avgOrderValue12m;
            case "avgInterOrderDays" -> avgInterOrderDays;
            case "complaintsLast90d" -> complaintsLast90d;
            case "openTickets" -> openTickets;
            case "lastContactDays" -> lastContactDays;
            case "latestNps" -> latestNps;
            case "referralsLast12m" -> referralsLast12m;
            case "rScore" -> rScore;
            case "fScore" -> fScore;
            case "mScore" -> mScore;
            case "paretoShare" -> paretoShare;
            case "currentTier" -> currentTier;
            case "currentTierSince" -> currentTierSince;
            case "downgradePendingSince" -> downgradePendingSince;
            default -> throw new IllegalArgumentException("Unknown fact: " + fact);
        };
    }

    private static Integer zeroIfNull(Integer count) {
        return count == null ? 0 : count;
    }

    private static BigDecimal zeroIfNull(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
