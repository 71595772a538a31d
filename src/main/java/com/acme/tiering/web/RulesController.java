package com.acme.tiering.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.acme.tiering.audit.AuditLog;
import com.acme.tiering.governance.RulesetDrafts;
import com.acme.tiering.governance.RulesetVersions;
import com.acme.tiering.governance.VersionStatus;
import com.acme.tiering.governance.UploadRefused;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.security.Roles;

/**
 * The rules pages: the ruleset versions with the tiers in force and an upload form, one version with its findings and files, and its
 * files for download. An upload goes through RulesetDrafts exactly as through the API: a DRAFT, or a REJECTED
 * version answered 422 with its findings; DRL needs a rule author, refused and audited as the API does.
 */
@Controller
class RulesController {

    /** Comments and reasons, as the API accepts them: line breaks and tabs, no other control characters. */
    static final String LINES = com.acme.tiering.Text.LINES;
    static final String LINES_MESSAGE = com.acme.tiering.Text.LINES_MESSAGE;

    private final RulesetVersions versions;
    private final RulesetDrafts drafts;
    private final VersionPage page;
    private final AuditLog audit;
    private final PolicyPage policy;
    private final boolean approvalRequired;

    RulesController(RulesetVersions versions, RulesetDrafts drafts, VersionPage page, AuditLog audit,
            PolicyPage policy, com.acme.tiering.TieringProperties properties) {
        this.versions = versions;
        this.policy = policy;
        this.drafts = drafts;
        this.page = page;
        this.audit = audit;
        this.approvalRequired = properties.rules().requireApproval();
    }

    @GetMapping("/rules")
    String versions(Model model) {
        List<RulesetVersions.Version> all = versions.all();
        model.addAttribute("section", "rules");
        model.addAttribute("versions", all);
        model.addAttribute("active",
                all.stream().filter(v -> v.status() == VersionStatus.ACTIVE).findFirst().orElse(null));
        model.addAttribute("approvalRequired", approvalRequired);
        model.addAttribute("policy", policy.inForce());
        return "rules/versions";
    }

    @PostMapping(path = "/rules", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "tests", required = false) List<MultipartFile> tests,
            @RequestParam(required = false) @Size(max = 1000) @Pattern(regexp = LINES, message = LINES_MESSAGE)
            String comment, Authentication who, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        List<RuleFile> ruleFiles = chosen(files);
        if (ruleFiles.isEmpty()) {
            return refused(HttpStatus.BAD_REQUEST, "files: choose at least one rule file (.xlsx, .xls, .csv or .drl).",
                    model, response);
        }
        if (ruleFiles.stream().anyMatch(f -> f.kind() == RuleFile.Kind.DRL) && !has(who, Roles.RULE_AUTHOR)) {
            audit.accessDenied(HttpStatus.FORBIDDEN.value());
            return refused(HttpStatus.FORBIDDEN, "'" + who.getName() + "' may upload decision tables but not DRL: "
                    + "DRL is code and needs the RULE_AUTHOR role.", model, response);
        }
        RulesetVersions.Version version;
        try {
            version = drafts.upload(ruleFiles, chosen(tests), who.getName(), blankToNull(comment));
        }
        catch (UploadRefused refused) {
            return refused(refused.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
                    "The upload was refused, nothing was stored: " + refused.getMessage(), model, response);
        }
        if (version.status() == VersionStatus.REJECTED) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problem", "Version " + version.id() + " was rejected: the rule files do not pass their "
                    + "checks. The findings below say where; fix them and upload again.");
            return page.show(version, who, model);
        }
        redirect.addFlashAttribute("notice", "Version " + version.id() + " is a DRAFT: "
                + (version.failingTests().isEmpty() ? "it compiles and passes the rule tests. Simulate it before publishing."
                        : "it compiles, but " + version.failingTests().size() + " rule-test scenario(s) fail."));
        return "redirect:/rules/" + version.id();
    }

    @GetMapping("/rules/{id}")
    String version(@PathVariable long id, Authentication who, Model model) {
        return page.show(page.find(id), who, model);
    }

    /** The exact file of a version, so an auditor can open the spreadsheet that decided. */
    @GetMapping("/rules/{id}/files/{name}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String name) {
        page.find(id);
        RuleFile file = versions.filesOf(id).stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new PageNotFound("Ruleset version " + id + " has no file " + name + "."));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build()
                        .toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(file.content());
    }

    /** The list again, with why the upload was refused; nothing was stored. */
    private String refused(HttpStatus status, String problem, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("problem", problem);
        return versions(model);
    }

    /** The files chosen; a file input left empty still sends a part, without a file name. */
    private static List<RuleFile> chosen(List<MultipartFile> parts) throws IOException {
        List<RuleFile> files = new ArrayList<>();
        for (MultipartFile part : parts == null ? List.<MultipartFile>of() : parts) {
            String name = part.getOriginalFilename();
            if (name != null && !name.isEmpty()) {
                files.add(new RuleFile(name, part.getBytes()));
            }
        }
        return files;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static boolean has(Authentication who, String role) {
        return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
