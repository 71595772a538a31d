package com.acme.tiering.ruleset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.springframework.stereotype.Component;

/**
 * Compiles rule files (DRL and decision tables) into one {@link CompiledRuleset}. Errors come back as
 * findings naming the file and the sheet and row, or the DRL line; never as generated DRL.
 */
@Component
public class RulesetCompiler {

    private final DecisionTableTranslator tables = new DecisionTableTranslator();
    private final RuleCatalogBuilder catalogs = new RuleCatalogBuilder();
    private final CompileErrorMapper errors = new CompileErrorMapper();

    /** @throws RulesetInvalid with the findings when any file does not compile */
    public CompiledRuleset compile(List<RuleFile> files) {
        List<RuleFile> sorted = files.stream().sorted(Comparator.comparing(RuleFile::name)).toList();
        List<Finding> findings = new ArrayList<>();
        if (sorted.isEmpty()) {
            findings.add(Finding.error("(rules)", null, null, null, "There are no rule files",
                    "Add .xlsx, .xls, .csv decision tables or .drl files"));
        }
        findings.addAll(DuplicateTables.in(sorted, "Keep one file per table: remove the other copy"));
        TierCatalogReader.Read tiers = TierCatalogReader.read(sorted);
        findings.addAll(tiers.findings());
        AttributeDeclarationReader.Read attributes = AttributeDeclarationReader.read(sorted);
        findings.addAll(attributes.findings());
        List<RuleFile> rules = sorted.stream().filter(file -> !TierCatalogReader.isCatalog(file))
                .filter(file -> !AttributeDeclarationReader.isDeclarations(file)).toList();
        rules.forEach(file -> findings.addAll(unsafeCells(file, tiers.catalog(), attributes.sound())));
        if (findings.isEmpty()) {
            findings.addAll(TierCoverage.uncovered(rules, tiers));
        }
        if (!findings.isEmpty()) {
            throw RulesetInvalid.because(findings);
        }
        List<GeneratedDrl> drls = new ArrayList<>();
        rules.forEach(file -> drls.addAll(tables.translate(file, findings)));
        if (!findings.isEmpty()) {
            throw RulesetInvalid.because(findings);
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        Map<String, GeneratedDrl> byPath = new HashMap<>();
        for (GeneratedDrl drl : drls) {
            byPath.put(drl.resourcePath(), drl);
            builder.add(ResourceFactory.newByteArrayResource(drl.drl().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(drl.resourcePath()), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            for (KnowledgeBuilderError error : builder.getErrors()) {
                errors.map(error, byPath).ifPresent(findings::add);
            }
            throw RulesetInvalid.because(findings.stream().distinct().toList());
        }
        KieBase kieBase = builder.newKieBase();
        return new CompiledRuleset(contentHash(sorted), sorted, kieBase, catalog(drls), tiers.catalog(),
                attributes.declarations());
    }

    /**
     * Tables are checked against the safe dialect, the version's tier catalog and its declared attributes, DRL
     * against the static check, before Drools compiles them.
     */
    private static List<Finding> unsafeCells(RuleFile file, TierCatalog tiers, AttributeDeclarations attributes) {
        try {
            if (file.kind() == RuleFile.Kind.DRL) {
                List<Finding> findings = new ArrayList<>(DrlInspector.inspect(file.name(), file.text()));
                findings.addAll(AttributeReads.undeclaredInDrl(file, attributes));
                return findings;
            }
            return SafeDialect.inspect(file.name(), SheetGrid.of(file), tiers, attributes);
        }
        catch (java.io.IOException | RuntimeException unreadable) {
            return List.of(); // the translator reports files that are no spreadsheet at all
        }
    }

    private Map<String, RuleInfo> catalog(List<GeneratedDrl> drls) {
        Map<String, RuleInfo> catalog = new HashMap<>();
        for (GeneratedDrl drl : drls) {
            try {
                catalog.putAll(catalogs.catalog(drl));
            }
            catch (DroolsParserException alreadyCompiled) {
                throw new IllegalStateException("DRL compiled but does not parse: " + drl.resourcePath(),
                        alreadyCompiled);
            }
        }
        return Map.copyOf(catalog);
    }

    /** The version: a hash over every file's name and bytes, in name order, so equal content is equal version. */
    public static String contentHash(List<RuleFile> files) {
        MessageDigest digest = RuleFile.digest();
        for (RuleFile file : files.stream().sorted(Comparator.comparing(RuleFile::name)).toList()) {
            digest.update(file.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(file.content());
            digest.update((byte) 0);
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }
}
