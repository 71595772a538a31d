package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.tiering.ruleset.Finding;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.support.Workbooks;
import com.acme.tiering.web.FindingPreviews.FindingView;
import com.acme.tiering.web.FindingPreviews.PreviewCell;

class FindingPreviewsTests {

    @Test
    void aSpreadsheetFindingShowsItsRowWithTheOffendingCellMarked() throws IOException {
        byte[] broken = Workbooks.withCell(Files.readAllBytes(Path.of("rules/tiers.xlsx")), "Tiers", 13, 3,
                "twenty thousand");
        Finding finding = Finding.error("tiers.xlsx", "Tiers", "D14", null, "'twenty thousand' is not a number", null);

        FindingView view = FindingPreviews.of(List.of(finding), List.of(new RuleFile("tiers.xlsx", broken))).get(0);

        assertThat(view.row().sheet()).isEqualTo("Tiers");
        assertThat(view.row().number()).isEqualTo(14);
        assertThat(view.row().cells()).extracting(PreviewCell::column).containsExactly("A", "B", "C", "D", "E", "F", "G");
        assertThat(view.row().cells().get(0).text()).isEqualTo("Key: fast-growing account");
        assertThat(view.row().cells().stream().filter(PreviewCell::offending)).singleElement()
                .isEqualTo(new PreviewCell("D", "twenty thousand", true));
        assertThat(view.line()).isNull();
    }

    @Test
    void aDrlFindingShowsItsLine() {
        RuleFile drl = new RuleFile("lifecycle.drl", "package x;\nimport java.io.File;\n".getBytes(StandardCharsets.UTF_8));
        Finding finding = Finding.error("lifecycle.drl", null, null, 2, "imports are not allowed", null);

        FindingView view = FindingPreviews.of(List.of(finding), List.of(drl)).get(0);

        assertThat(view.line()).isEqualTo("import java.io.File;");
        assertThat(view.row()).isNull();
    }

    @Test
    void aFindingWithoutAReadableFileHasNoPreview() {
        RuleFile damaged = new RuleFile("tiers.xlsx", new byte[] { 1, 2, 3 });
        List<Finding> findings = List.of(Finding.error("tiers.xlsx", "Tiers", "C11", null, "unreadable", null),
                Finding.error("(upload)", null, null, null, "Upload 1 to 20 files, not 0", null),
                Finding.error("lifecycle.drl", null, null, 99, "no such line", null));

        assertThat(FindingPreviews.of(findings, List.of(damaged))).allSatisfy(view -> {
            assertThat(view.row()).isNull();
            assertThat(view.line()).isNull();
        });
    }
}
