package com.acme.tiering.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.acme.tiering.customer.CustomerDetails;
import com.acme.tiering.customer.Customers;
import com.acme.tiering.customer.NewOrder;
import com.acme.tiering.governance.RulesetDrafts;
import com.acme.tiering.governance.RulesetPublication;
import com.acme.tiering.governance.RulesetSimulation;
import com.acme.tiering.governance.RulesetVersions;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.run.EvaluationRuns;

/**
 * The governance of rule changes as the service's beans offer it, for tests that take a change through it:
 * drafts, simulation, approval and publication, the versions and the ruleset in force, and the three customers
 * whose decisions a change moves. One {@code @Autowired Governance governance} instead of a field per bean;
 * approval as {@link Approval} gives it.
 */
@Component
public class Governance {

    private final RulesetDrafts drafts;
    private final RulesetSimulation simulation;
    private final RulesetPublication publication;
    private final RulesetVersions versions;
    private final ActiveRuleset active;
    private final Customers customers;
    private final EvaluationRuns runs;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Governance(RulesetDrafts drafts, RulesetSimulation simulation, RulesetPublication publication,
            RulesetVersions versions, ActiveRuleset active, Customers customers, EvaluationRuns runs,
            JdbcTemplate jdbc, Clock clock) {
        this.drafts = drafts;
        this.simulation = simulation;
        this.publication = publication;
        this.versions = versions;
        this.active = active;
        this.customers = customers;
        this.runs = runs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public RulesetDrafts drafts() {
        return drafts;
    }

    public RulesetSimulation simulation() {
        return simulation;
    }

    public RulesetPublication publication() {
        return publication;
    }

    public RulesetVersions versions() {
        return versions;
    }

    public ActiveRuleset active() {
        return active;
    }

    /**
     * The data tables emptied ({@link DatabaseCleaner}), then three customers with known Pareto shares evaluated by
     * a full run. Shares as PRODUCT.md §5 defines them (the revenue of the customers above): G2 makes most revenue
     * (600 of 960, share 0) but buys five times a year, so Key (B); G1 buys six times for 300 with 62.5% above it,
     * so Strategic (A), and Key under a Strategic bar of 0.5; G3 buys six times for 60 with 93.75% above it (C).
     */
    public void threeCustomersEvaluated() {
        DatabaseCleaner.clean(jdbc);
        LocalDate today = LocalDate.now(clock);
        buyer("G1", today, 6, "50");
        buyer("G2", today, 5, "120");
        buyer("G3", today, 6, "10");
        FullRun.awaitEnded(runs, runs.start("TEST").id(), Duration.ofSeconds(30));
    }

    private void buyer(String id, LocalDate today, int orders, String amount) {
        customers.upsert(id, new CustomerDetails("Customer " + id, "Retail", "North", 10, "Kim Rep"));
        customers.recordOrders(id, IntStream.range(0, orders)
                .mapToObj(i -> new NewOrder("o-" + i, today.minusDays(10L + 20 * i), new BigDecimal(amount))).toList());
    }

    /** The files uploaded as a draft by the author, and simulated: the draft's id. */
    public long simulatedDraft(List<RuleFile> files, String author, String comment) {
        long id = drafts.upload(files, author, comment).id();
        simulation.simulate(id);
        return id;
    }

    /** See {@link Approval#approveAndPublish}. */
    public RulesetVersions.Version approveAndPublish(long versionId, String author, String reason) {
        return Approval.approveAndPublish(publication, versionId, author, reason);
    }

    /** See {@link Approval#uploadAndPublish}. */
    public RulesetVersions.Version uploadAndPublish(List<RuleFile> files, List<RuleFile> tests, String author) {
        return Approval.uploadAndPublish(drafts, simulation, publication, files, tests, author);
    }

    /**
     * Puts the rules the context started with (its first version) back in force, for the test classes that share
     * the context after one that published other rules; returns whether anything had to change.
     */
    public boolean firstVersionBackInForce(String actor) {
        RulesetVersions.Version first = versions.all().stream()
                .min(java.util.Comparator.comparingLong(RulesetVersions.Version::id)).orElseThrow();
        if (versions.activeVersion().map(v -> v.id() == first.id()).orElse(false)) {
            return false;
        }
        publication.activate(first.id(), actor, "the shipped rules back in force for the next test class");
        return true;
    }
}
