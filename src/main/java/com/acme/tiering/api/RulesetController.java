package com.acme.tiering.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.governance.RulesetVersions;

/** Ruleset versions: which rules are in force and which were before. */
@RestController
@RequestMapping("/api/v1/rulesets")
class RulesetController {

    private final RulesetVersions versions;

    RulesetController(RulesetVersions versions) {
        this.versions = versions;
    }

    @GetMapping
    List<RulesetVersions.Version> versions() {
        return versions.all();
    }
}
