package com.acme.tiering.decision;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Decisions are stored whole as JSON, so that an auditor later reads exactly what was decided. */
@Component
class DecisionCodec {

    private final JsonMapper json;

    DecisionCodec(JsonMapper json) {
        this.json = json;
    }

    String write(Decision decision) {
        return json.writeValueAsString(decision);
    }

    Decision read(String stored) {
        return json.readValue(stored, Decision.class);
    }

    String write(TierLookup lookup) {
        return json.writeValueAsString(lookup);
    }

    String write(DecisionBasis basis) {
        return json.writeValueAsString(basis);
    }

    /** Null for decisions recorded before bases were kept (V18). */
    DecisionBasis readBasis(String stored) {
        return stored == null ? null : json.readValue(stored, DecisionBasis.class);
    }
}
