package com.acme.tiering.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.Match;

import com.acme.tiering.evaluation.Explanation.FiredRule;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.FactModel;
import com.acme.tiering.ruleset.RuleInfo;

/** Captures every rule that fires, in order, with the values its conditions read from the matched facts. */
class FiringRecorder extends DefaultAgendaEventListener {

    private final CompiledRuleset ruleset;
    private final List<FiredRule> fired = new ArrayList<>();
    private final List<RuleInfo> firedInfo = new ArrayList<>();

    FiringRecorder(CompiledRuleset ruleset) {
        this.ruleset = ruleset;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Match match = event.getMatch();
        Rule rule = match.getRule();
        RuleInfo info = ruleset.rule(rule.getPackageName(), rule.getName());
        List<? extends Object> matched = match.getObjects();
        Map<String, Object> read = new LinkedHashMap<>();
        for (RuleInfo.FactRead factRead : info.reads()) {
            FactModel.Reader reader = factRead.reader();
            for (Object object : matched) {
                if (reader.reads(object)) {
                    read.put(factRead.property(), reader.valueOf(object));
                }
            }
        }
        firedInfo.add(info);
        fired.add(new FiredRule(info.name(), info.file(), info.sheet(), info.row(), info.line(), info.source(),
                info.description(), read));
    }

    List<FiredRule> fired() {
        return List.copyOf(fired);
    }

    /** The tier-table row that fired, if any. */
    RuleInfo tierRow() {
        return firedInfo.stream().filter(info -> info.assignsTier() != null).findFirst().orElse(null);
    }
}
