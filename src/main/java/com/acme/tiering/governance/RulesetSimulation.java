package com.acme.tiering.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.audit.AuditLog;
import com.acme.tiering.evaluation.Evaluator;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RuleInfo;
import com.acme.tiering.ruleset.RulesetCompiler;

/**
 * The impact preview: every current customer evaluated with a stored ruleset version and with the rules
 * in force, in chunks, touching no decision. The report is kept with the version.
 */
@Service
public class RulesetSimulation {

    private final RulesetVersions versions;
    private final RulesetCompiler compiler;
    private final ActiveRuleset active;
    private final CustomerFactsService facts;
    private final Evaluator evaluator;
    private final Clock clock;
    private final int chunkSize;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    RulesetSimulation(RulesetVersions versions, RulesetCompiler compiler, ActiveRuleset active,
            CustomerFactsService facts, Evaluator evaluator, Clock clock, TieringProperties properties,
            TransactionTemplate transactions, AuditLog audit) {
        this.versions = versions;
        this.transactions = transactions;
        this.audit = audit;
        this.compiler = compiler;
        this.active = active;
        this.facts = facts;
        this.evaluator = evaluator;
        this.clock = clock;
        this.chunkSize = properties.run().chunkSize();
    }

    /** @throws VersionNotSimulable when there is no such version or it was rejected */
    public SimulationReport simulate(long versionId) {
        RulesetVersions.Version version = versions.find(versionId)
                .orElseThrow(() -> VersionNotSimulable.unknown(versionId));
        if (version.status().equals("REJECTED")) {
            throw VersionNotSimulable.rejected(versionId);
        }
        CompiledRuleset simulated = compiler.compile(versions.filesOf(versionId));
        CompiledRuleset inForce = active.current();
        Set<String> tierRows = simulated.catalog().values().stream().filter(rule -> rule.assignsTier() != null)
                .map(RuleInfo::source).collect(Collectors.toSet());
        SimulationTally tally = new SimulationTally(tierRows);
        LocalDate asOf = LocalDate.now(clock);
        String last = null;
        List<String> ids;
        while (!(ids = facts.customerIdsAfter(last, chunkSize)).isEmpty()) {
            for (CustomerFacts customer : facts.factsFor(ids, asOf)) {
                tally.add(evaluator.evaluate(customer, inForce), evaluator.evaluate(customer, simulated));
            }
            last = ids.get(ids.size() - 1);
        }
        SimulationReport report = tally.report(versionId, inForce.version(), simulated.version(), asOf);
        transactions.executeWithoutResult(tx -> {
            versions.storeSimulation(versionId, report);
            audit.record("RULESET_SIMULATED", "ruleset", String.valueOf(versionId),
                    AuditedSimulation.of(version.simulation()), AuditedSimulation.of(report));
        });
        return report;
    }

    /** A simulation as the audit log shows it: which rules against which, as of when, on how many customers. */
    record AuditedSimulation(String activeVersion, String simulatedVersion, LocalDate asOf, int customers) {

        static AuditedSimulation of(SimulationReport report) {
            return report == null ? null : new AuditedSimulation(report.activeVersion(), report.simulatedVersion(),
                    report.asOf(), report.customers());
        }
    }
}
