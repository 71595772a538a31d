package com.acme.tiering.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The policy page: the tiers, entitlements and churn triggers of the version in force and, with {@code ?version=},
 * another version's beside them with what differs marked. Read-only, for every role that may read the rules.
 */
@Controller
class RulePolicyController {

    private final PolicyPage policy;
    private final VersionPage versions;

    RulePolicyController(PolicyPage policy, VersionPage versions) {
        this.policy = policy;
        this.versions = versions;
    }

    @GetMapping("/rules/policy")
    String policy(@RequestParam(required = false) Long version, Model model) {
        return policy.show(version == null ? null : versions.find(version), model);
    }
}
