package com.acme.tiering.api;

class DrlNeedsRuleAuthor extends RuntimeException {

    private DrlNeedsRuleAuthor(String message) {
        super(message);
    }

    static DrlNeedsRuleAuthor forUser(String user) {
        return new DrlNeedsRuleAuthor("'" + user + "' may upload decision tables but not DRL: DRL is code and needs "
                + "the RULE_AUTHOR role");
    }
}
