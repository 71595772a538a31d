package com.acme.tiering.web;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.acme.tiering.governance.PublicationRefused;
import com.acme.tiering.governance.RulesetPublication;
import com.acme.tiering.governance.RulesetVersions;

/**
 * Approving, publishing and activating a version from its page, through RulesetPublication as the API does.
 * A refusal (the author approving their own draft, a draft not yet simulated, …) is the version page again,
 * answered 409 with the reasons in words.
 */
@Controller
class RulePublicationController {

    private final RulesetPublication publication;
    private final VersionPage page;

    RulePublicationController(RulesetPublication publication, VersionPage page) {
        this.publication = publication;
        this.page = page;
    }

    @PostMapping("/rules/{id}/approval")
    String approve(@PathVariable long id, @RequestParam(required = false) @Size(max = 1000)
            @Pattern(regexp = RulesController.LINES, message = RulesController.LINES_MESSAGE) String reason,
            Authentication who, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, () -> publication.approve(id, who.getName(), RulesController.blankToNull(reason)),
                "Version " + id + " is approved by " + who.getName() + ".", who, model, response, redirect);
    }

    @PostMapping("/rules/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(required = false) @Size(max = 1000)
            @Pattern(regexp = RulesController.LINES, message = RulesController.LINES_MESSAGE) String reason,
            Authentication who, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, () -> publication.publish(id, who.getName(), RulesController.blankToNull(reason)),
                "Version " + id + " is published and in force.", who, model, response, redirect);
    }

    @PostMapping("/rules/{id}/activate")
    String activate(@PathVariable long id, @RequestParam(required = false) @Size(max = 1000)
            @Pattern(regexp = RulesController.LINES, message = RulesController.LINES_MESSAGE) String reason,
            Authentication who, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, () -> publication.activate(id, who.getName(), RulesController.blankToNull(reason)),
                "Version " + id + " is in force again.", who, model, response, redirect);
    }

    private String change(long id, Supplier<RulesetVersions.Version> change, String done, Authentication who,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        page.find(id);
        try {
            change.get();
        }
        catch (PublicationRefused refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", refused.getMessage() + ".");
            return page.show(page.find(id), who, model);
        }
        redirect.addFlashAttribute("notice", done);
        return "redirect:/rules/" + id;
    }
}
