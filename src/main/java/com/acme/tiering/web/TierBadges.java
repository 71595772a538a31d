package com.acme.tiering.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.TierCatalog;

/**
 * Every page gets the tier catalog of the version in force as {@code tierCatalog}: the names of its tiers and the
 * colours of their badges ({@code data-tier-colour}, which app.js paints: the pages' policy allows no style
 * attribute), so no template knows which tiers there are.
 */
@ControllerAdvice(basePackages = "com.acme.tiering.web")
class TierBadges {

    private final ActiveRuleset active;

    TierBadges(ActiveRuleset active) {
        this.active = active;
    }

    @ModelAttribute("tierCatalog")
    TierCatalog tierCatalog() {
        return active.current().tiers();
    }
}
