package com.acme.tiering.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.runtime.rule.Match;
import org.kie.internal.event.rule.RuleEventListener;

import com.acme.tiering.evaluation.Explanation.FiredRule;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.FactModel;
import com.acme.tiering.ruleset.RuleInfo;

/**
 * Captures every rule that fires, in order, with the values its conditions read from the matched facts.
 * A rule event listener rather than an agenda event listener: Drools then hands over each fired match as it
 * is, instead of building an event object for every match created, cancelled, about to fire and fired.
 */
class FiringRecorder implements RuleEventListener {

    private final CompiledRuleset ruleset;
    private final List<FiredRule> fired = new ArrayList<>();
    private final List<RuleInfo> firedInfo = new ArrayList<>();

    FiringRecorder(CompiledRuleset ruleset) {
        this.ruleset = ruleset;
    }

    @Override
    public void onAfterMatchFire(Match match) {
        RuleInfo info = ruleset.rule(match.getRule());
        List<? extends Object> matched = match.getObjects();
        List<RuleInfo.FactRead> reads = info.reads();
        FactsRead read = new FactsRead(reads.size());
        for (int r = 0; r < reads.size(); r++) { // indexes, not iterators: this runs for every firing
            FactModel.Reader reader = reads.get(r).reader();
            for (int m = 0; m < matched.size(); m++) {
                if (reader.reads(matched.get(m))) {
                    read.record(reader.property(), reader.valueOf(matched.get(m)));
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
        for (RuleInfo info : firedInfo) {
            if (info.assignsTier() != null) {
                return info;
            }
        }
        return null;
    }
}
