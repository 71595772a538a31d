package com.acme.tiering.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.audit.AuditLog;
import com.acme.tiering.decision.Rollback;
import com.acme.tiering.evaluation.Evaluator;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.CompiledRulesets;
import com.acme.tiering.ruleset.RuleInfo;
import com.acme.tiering.ruleset.TierCatalogChange;
import com.acme.tiering.run.DecisionPath;

/**
 * The impact preview: every current customer decided with a stored ruleset version by the path runs take
 * (DecisionPath) — the tier it holds now, its manual override, the tier policy, and for a version that was in
 * force before the restorations its activation makes — in chunks, touching no decision. The report is kept
 * with the version. Its numbers are what putting the version in force then does, on unchanged data.
 */
@Service
public class RulesetSimulation {

    private final RulesetVersions versions;
    private final CompiledRulesets rulesets;
    private final ActiveRuleset active;
    private final CustomerFactsService facts;
    private final Evaluator evaluator;
    private final DecisionPath path;
    private final Clock clock;
    private final int chunkSize;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final TierRemovals removals;

    RulesetSimulation(RulesetVersions versions, CompiledRulesets rulesets, ActiveRuleset active,
            CustomerFactsService facts, Evaluator evaluator, DecisionPath path, Clock clock,
            TieringProperties properties, TransactionTemplate transactions, AuditLog audit, TierRemovals removals) {
        this.versions = versions;
        this.removals = removals;
        this.transactions = transactions;
        this.audit = audit;
        this.rulesets = rulesets;
        this.active = active;
        this.facts = facts;
        this.evaluator = evaluator;
        this.path = path;
        this.clock = clock;
        this.chunkSize = properties.run().chunkSize();
    }

    /** @throws VersionNotSimulable when there is no such version or it was rejected */
    public SimulationReport simulate(long versionId) {
        RulesetVersions.Version version = simulable(versionId);
        CompiledRuleset simulated = rulesets.compiled(versions.filesOf(versionId));
        CompiledRuleset inForce = active.current();
        Optional<Rollback> rollback = rollbackBy(version, simulated);
        Set<String> tierRows = simulated.catalog().values().stream().filter(rule -> rule.assignsTier() != null)
                .map(RuleInfo::source).collect(Collectors.toSet());
        SimulationTally tally = new SimulationTally(tierRows, simulated.tiers(),
                TierCatalogChange.between(inForce.tiers(), simulated.tiers()));
        LocalDate asOf = LocalDate.now(clock);
        eachCustomer(simulated, inForce, rollback, asOf, tally::add);
        SimulationReport report = tally.report(versionId, inForce.version(), simulated.version(), asOf,
                rollback.filter(r -> r.restoredId() == versionId).map(Rollback::rolledBackId).orElse(null),
                catalogRefusals(version, inForce, simulated));
        transactions.executeWithoutResult(tx -> {
            versions.storeSimulation(versionId, report);
            audit.record("RULESET_SIMULATED", "ruleset", String.valueOf(versionId),
                    AuditedSimulation.of(version.simulation()), AuditedSimulation.of(report));
        });
        return report;
    }

    /** Each customer as the simulation of this version decides it, for whoever needs more than the counts. */
    void eachCustomer(long versionId, Consumer<SimulatedCustomer> customer) {
        RulesetVersions.Version version = simulable(versionId);
        CompiledRuleset simulated = rulesets.compiled(versions.filesOf(versionId));
        eachCustomer(simulated, active.current(), rollbackBy(version, simulated), LocalDate.now(clock), customer);
    }

    private void eachCustomer(CompiledRuleset simulated, CompiledRuleset inForce, Optional<Rollback> rollback,
            LocalDate asOf, Consumer<SimulatedCustomer> customer) {
        String last = null;
        List<String> ids;
        while (!(ids = facts.customerIdsAfter(last, chunkSize)).isEmpty()) {
            List<CustomerFacts> chunk = facts.factsFor(ids, asOf);
            List<DecisionPath.Decided> decided = path.decide(chunk, simulated, rollback, clock.instant());
            for (int i = 0; i < chunk.size(); i++) {
                DecisionPath.Decided d = decided.get(i);
                customer.accept(SimulatedCustomer.of(d.before(), evaluator.evaluate(chunk.get(i), inForce),
                        d.evaluation(), d.restoration() != null));
            }
            last = ids.get(ids.size() - 1);
        }
    }

    /**
     * What publishing (a draft) or activating (a version in force before) would be refused for by its tier catalog
     * now, as RulesetPublication checks it then.
     */
    private List<String> catalogRefusals(RulesetVersions.Version version, CompiledRuleset inForce,
            CompiledRuleset simulated) {
        return switch (version.status()) {
            case DRAFT -> removals.unmappedReasons(inForce, simulated);
            case RETIRED -> removals.rollbackRefusals(simulated, version.id());
            default -> List.of();
        };
    }

    private RulesetVersions.Version simulable(long versionId) {
        RulesetVersions.Version version = versions.find(versionId)
                .orElseThrow(() -> VersionNotSimulable.unknown(versionId));
        if (version.status() == VersionStatus.REJECTED) {
            throw VersionNotSimulable.rejected(versionId);
        }
        return version;
    }

    /**
     * The rollback in force once this version is: the one its activation records when it rolls back the version
     * in force, else the one that holds already for its rules, as evaluations will find it.
     */
    private Optional<Rollback> rollbackBy(RulesetVersions.Version version, CompiledRuleset simulated) {
        Optional<Rollback> activating = RulesetPublication.rollingBack(version, versions.activeVersion());
        return activating.isPresent() ? activating : path.rollbackInForce(simulated);
    }

    /** A simulation as the audit log shows it: which rules against which, as of when, on how many customers. */
    record AuditedSimulation(String activeVersion, String simulatedVersion, LocalDate asOf, int customers) {

        static AuditedSimulation of(SimulationReport report) {
            return report == null ? null : new AuditedSimulation(report.activeVersion(), report.simulatedVersion(),
                    report.asOf(), report.customers());
        }
    }
}
