package com.acme.tiering.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files that claim to be spreadsheets, built in the test so that what they hold is plain to see. */
final class HostileUploads {

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            </Types>""";

    private static final String ROOT_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>""";

    private static final String WORKBOOK_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
            </Relationships>""";

    private static final String WORKBOOK = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            %s<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <sheets><sheet name="Tiers" sheetId="1" r:id="rId1"/></sheets></workbook>""";

    private static final String SHEET = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            %s<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>%s</t></is></c></row></sheetData></worksheet>""";

    private HostileUploads() {
    }

    /** A workbook whose sheet reads /etc/passwd into cell A1 through an external entity. */
    static byte[] externalEntity() {
        String doctype = "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        return xlsx(String.format(WORKBOOK, ""), String.format(SHEET, doctype, "RuleSet &xxe;"));
    }

    /** A workbook whose entities expand to gigabytes ("billion laughs"), declared in workbook.xml. */
    static byte[] entityExpansion() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE workbook [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        return xlsx(String.format(WORKBOOK, doctype), String.format(SHEET, "", "&l9;"));
    }

    /**
     * A well-formed workbook whose sheet inflates from about 130 KB to 128 MB of spaces: far beyond POI's
     * minimum inflate ratio, so it must be refused before it is inflated.
     */
    static byte[] zipBomb() {
        Map<String, byte[]> parts = parts(String.format(WORKBOOK, ""), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(String.format(SHEET, "", "RuleSet").getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 128; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    /** Bytes that are no zip at all, named .xlsx by whoever sends them. */
    static byte[] notAZip() {
        return "MZ\u0090\u0000 this is a Windows executable, honest".getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] xlsx(String workbook, String sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts(workbook, sheet).entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> parts(String workbook, String sheet) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
        parts.put("_rels/.rels", ROOT_RELS.getBytes(StandardCharsets.UTF_8));
        parts.put("xl/workbook.xml", workbook.getBytes(StandardCharsets.UTF_8));
        parts.put("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.getBytes(StandardCharsets.UTF_8));
        if (sheet != null) {
            parts.put("xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8));
        }
        return parts;
    }
}
