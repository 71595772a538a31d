package com.acme.tiering.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.acme.tiering.governance.RulesetVersions;
import com.acme.tiering.ruleset.RuleFile;

/**
 * One spreadsheet compared cell by cell between two ruleset versions; the earlier version may hold the table saved
 * in another format (tiers.xlsx before tiers.xls replaced it).
 */
@Controller
class RuleDiffController {

    private final RulesetVersions versions;
    private final VersionPage page;

    RuleDiffController(RulesetVersions versions, VersionPage page) {
        this.versions = versions;
        this.page = page;
    }

    @GetMapping("/rules/diff")
    String diff(@RequestParam long from, @RequestParam long to,
            @RequestParam @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(?i:xlsx|xls|csv)",
                    message = "must name a spreadsheet of the versions (.xlsx, .xls or .csv): DRL is not compared cell "
                            + "by cell") String file, Model model, HttpServletResponse response) {
        RulesetVersions.Version before = page.find(from);
        RulesetVersions.Version after = page.find(to);
        RuleFile later = file(to, file);
        RuleFile earlier = file(from, file);
        model.addAttribute("beforeFile", earlier.name());
        model.addAttribute("section", "rules");
        model.addAttribute("before", before);
        model.addAttribute("after", after);
        model.addAttribute("file", file);
        try {
            model.addAttribute("diff", SpreadsheetDiff.of(SpreadsheetCells.read(earlier), SpreadsheetCells.read(later)));
        }
        catch (IllegalArgumentException unreadable) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problem", unreadable.getMessage() + " in one of the versions, so it cannot be "
                    + "compared cell by cell. Download both files to compare them in a spreadsheet program.");
        }
        return "rules/diff";
    }

    /** The file of this name, else the same table saved in another format (tiers.xlsx for tiers.xls). */
    private RuleFile file(long id, String name) {
        List<RuleFile> files = versions.filesOf(id);
        return files.stream().filter(f -> f.name().equals(name)).findFirst()
                .or(() -> files.stream().filter(f -> RuleFile.sameTable(f.name(), name)).findFirst())
                .orElseThrow(() -> new PageNotFound("Ruleset version " + id + " has no file " + name + "."));
    }
}
