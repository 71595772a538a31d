package com.acme.tiering.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Files that are not what they claim are refused by name, with a reason a person understands. */
class HostileFilesTests {

    private final List<RuleFile> shipped = new RulesDirectory().read(Path.of("rules"));

    private Finding onlyFinding(byte[] tiers) {
        List<RuleFile> files = new ArrayList<>(shipped.stream().filter(f -> !f.name().equals("tiers.xlsx")).toList());
        files.add(new RuleFile("tiers.xlsx", tiers));
        List<Finding> findings = new ArrayList<>();
        assertThatThrownBy(() -> new RulesetCompiler().compile(files)).isInstanceOfSatisfying(RulesetInvalid.class,
                invalid -> findings.addAll(invalid.findings()));
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).file()).isEqualTo("tiers.xlsx");
        return findings.get(0);
    }

    @Test
    void aWordDocumentRenamedXlsxIsNotASpreadsheet() throws IOException {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("Tier A means strategic");
            document.write(docx);
        }
        assertThat(onlyFinding(docx.toByteArray()).message()).contains("not an Excel or LibreOffice Calc spreadsheet");
    }

    @Test
    void aZipBombIsRefusedBeforeItIsInflated() throws IOException {
        byte[] bomb = rezip(shipped("tiers.xlsx"), "xl/worksheets/sheet1.xml", original -> {
            byte[] inflated = new byte[60 * 1024 * 1024];
            System.arraycopy(original, 0, inflated, 0, original.length);
            return inflated;
        });
        assertThat(onlyFinding(bomb).message()).contains("expands to far more data");
    }

    @Test
    void aSheetPaddedToHundredsOfMegabytesIsRefusedWithoutBeingRead() throws IOException {
        byte[] padded = rezip(shipped("tiers.xlsx"), "xl/worksheets/sheet1.xml", original -> {
            byte[] inflated = new byte[original.length + 110 * 1024 * 1024];
            System.arraycopy(original, 0, inflated, 0, original.length);
            java.util.Arrays.fill(inflated, original.length, inflated.length, (byte) ' ');
            return inflated;
        });
        assertThat(onlyFinding(padded).message()).contains("expands to far more data");
    }

    @Test
    void anXlsxDeclaringAnExternalEntityIsRefused() throws IOException {
        byte[] xxe = rezip(shipped("tiers.xlsx"), "xl/workbook.xml", original -> {
            String xml = new String(original, StandardCharsets.UTF_8);
            int root = xml.indexOf("<workbook");
            return (xml.substring(0, root) + "<!DOCTYPE workbook [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]>"
                    + xml.substring(root)).getBytes(StandardCharsets.UTF_8);
        });
        assertThat(onlyFinding(xxe).message()).contains("declares a DOCTYPE");
    }

    private byte[] shipped(String name) {
        return shipped.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().content();
    }

    private interface Edit {
        byte[] apply(byte[] original) throws IOException;
    }

    /** A copy of a zip with one entry rewritten. */
    private static byte[] rezip(byte[] zip, String entryName, Edit edit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream rezipped = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                byte[] content = in.readAllBytes();
                rezipped.putNextEntry(new ZipEntry(entry.getName()));
                rezipped.write(entry.getName().equals(entryName) ? edit.apply(content) : content);
                rezipped.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
