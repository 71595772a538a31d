package com.acme.tiering.governance;

import java.util.List;

/** A version cannot be approved, published or activated yet; the reasons say what is missing. */
public class PublicationRefused extends RuntimeException {

    private final List<String> reasons;

    PublicationRefused(long id, List<String> reasons) {
        super("Ruleset version " + id + " cannot go ahead: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
