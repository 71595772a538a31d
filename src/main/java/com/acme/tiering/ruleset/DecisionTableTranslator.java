package com.acme.tiering.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Turns decision tables into DRL, one sheet at a time so every rule knows its sheet. The fact model
 * imports and the {@code decision} global are added here: spreadsheets hold no code of that kind.
 */
class DecisionTableTranslator {

    static final String HEADER = """
            import com.acme.tiering.facts.*;
            global com.acme.tiering.evaluation.Outcome decision;
            """;

    /** What the service writes in template cells before Drools reads them: entitlement declarations, attributes. */
    private static final TemplateCells.Rewrite GENERATED_TEMPLATES =
            ((TemplateCells.Rewrite) EntitlementTemplates::rewritten).then(AttributeTemplates::rewritten);
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package [^\\n]*\\n");
    private static final Pattern DECIMAL_LITERAL = Pattern.compile("(<=|>=|<|>|==|!=)(\\s*-?\\d+\\.\\d+)(?![\\dBbIiDdFf.])");
    private static final Pattern CELL_IN_MESSAGE = Pattern.compile("\\b([A-Z]{1,3}[0-9]{1,7})\\b");

    List<GeneratedDrl> translate(RuleFile file, List<Finding> findings) {
        return switch (file.kind()) {
            case DRL -> List.of(new GeneratedDrl(file.name(), null, file.text()));
            case CSV -> translateCsv(file, findings);
            case XLS, XLSX -> translateWorkbook(file, findings);
        };
    }

    private List<GeneratedDrl> translateCsv(RuleFile file, List<Finding> findings) {
        SheetGrid grid = SheetGrid.ofCsv(file.text());
        if (ChurnTriggerTable.start(grid).isPresent()) {
            return List.of(ChurnTriggerDrl.drl(file.name(), grid));
        }
        try {
            byte[] csv = TemplateCells.rewriteCsv(file.text(), GENERATED_TEMPLATES)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(csv), InputType.CSV);
            return List.of(new GeneratedDrl(file.name(), "csv", TablePatterns.kept(withHeader(drl), grid)));
        }
        catch (RuntimeException unreadable) {
            findings.add(tableError(file.name(), "csv", unreadable));
            return List.of();
        }
    }

    private List<GeneratedDrl> translateWorkbook(RuleFile file, List<Finding> findings) {
        List<String> sheets;
        Map<String, Map<Integer, Map<String, String>>> cellsBySheet = new HashMap<>();
        Map<String, Map<Integer, String>> nameCellsBySheet = new HashMap<>();
        byte[] content;
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            sheets = sheetsWithRuleTables(workbook);
            sheets.forEach(sheet -> cellsBySheet.put(sheet, cellTexts(workbook.getSheet(sheet))));
            sheets.forEach(sheet -> nameCellsBySheet.put(sheet, nameCells(workbook.getSheet(sheet))));
            TemplateCells.rewrite(workbook, GENERATED_TEMPLATES);
            content = withMergedCellsFilledIn(workbook);
        }
        catch (IOException | RuntimeException notASpreadsheet) {
            findings.add(Finding.error(file.name(), null, null, null, unreadable(notASpreadsheet),
                    "Save the file as .xlsx or .xls from Excel or LibreOffice Calc"));
            return List.of();
        }
        if (sheets.isEmpty()) {
            findings.add(Finding.error(file.name(), null, null, null, "No sheet contains a RuleTable",
                    "A decision table starts with a cell 'RuleTable <name>' below the RuleSet rows"));
        }
        List<GeneratedDrl> drls = new ArrayList<>();
        Map<String, SheetGrid> grids = grids(file);
        for (String sheet : sheets) {
            if (ChurnTriggerTable.start(grids.get(sheet)).isPresent()) {
                drls.add(ChurnTriggerDrl.drl(file.name(), grids.get(sheet)));
                continue;
            }
            try {
                String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), sheet);
                drls.add(new GeneratedDrl(file.name(), sheet, TablePatterns.kept(withHeader(drl), grids.get(sheet)),
                        cellsBySheet.get(sheet), nameCellsBySheet.get(sheet)));
            }
            catch (RuntimeException broken) {
                findings.add(tableError(file.name(), sheet, broken));
            }
        }
        return drls;
    }

    /**
     * The workbook's sheets as text, by name: a churn-trigger table is translated by {@link ChurnTriggerDrl} rather
     * than Drools, and the other tables' rules keep their patterns ({@link TablePatterns}).
     */
    private static Map<String, SheetGrid> grids(RuleFile file) {
        try {
            Map<String, SheetGrid> grids = new HashMap<>();
            SheetGrid.ofWorkbook(file.content()).forEach(grid -> grids.put(grid.sheet(), grid));
            return grids;
        }
        catch (IOException alreadyRead) {
            throw new java.io.UncheckedIOException(alreadyRead);
        }
    }

    /**
     * Drools reads a merged object-type cell only through the cells the file really contains, and some
     * tools (openpyxl, some exports) drop the covered cells of a merged range: the conditions then fall
     * out of their pattern. Every cell of every merged range is put back before Drools reads the file.
     */
    private static byte[] withMergedCellsFilledIn(Workbook workbook) throws IOException {
        for (Sheet sheet : workbook) {
            for (org.apache.poi.ss.util.CellRangeAddress range : sheet.getMergedRegions()) {
                for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
                    Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
                    for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
                        if (row.getCell(c) == null) {
                            row.createCell(c);
                        }
                    }
                }
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private static List<String> sheetsWithRuleTables(Workbook workbook) {
        List<String> sheets = new ArrayList<>();
        for (Sheet sheet : workbook) {
            if (hasRuleTable(sheet)) {
                sheets.add(sheet.getSheetName());
            }
        }
        return sheets;
    }

    /**
     * The text of every non-empty CONDITION or ACTION cell by 1-based row and A1 reference, as the
     * spreadsheet shows it: the cells whose values become code, where compile errors come from.
     */
    private static Map<Integer, Map<String, String>> cellTexts(Sheet sheet) {
        DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
        java.util.Set<Integer> codeColumns = new java.util.HashSet<>();
        Map<Integer, Map<String, String>> rows = new HashMap<>();
        for (Row row : sheet) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (Cell cell : row) {
                String text = formatter.formatCellValue(cell).trim();
                if (text.equalsIgnoreCase("CONDITION") || text.equalsIgnoreCase("ACTION")) {
                    codeColumns.add(cell.getColumnIndex());
                }
                if (!text.isEmpty() && codeColumns.contains(cell.getColumnIndex())) {
                    cells.put(new CellReference(cell).formatAsString(false), text);
                }
            }
            rows.put(row.getRowNum() + 1, cells);
        }
        return rows;
    }

    /** The A1 reference of each row's non-empty cell below a NAME header: the cell a rule's name comes from. */
    private static Map<Integer, String> nameCells(Sheet sheet) {
        DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
        java.util.Set<Integer> nameColumns = new java.util.HashSet<>();
        Map<Integer, String> names = new HashMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                String text = formatter.formatCellValue(cell).trim();
                if (text.equalsIgnoreCase("NAME")) {
                    nameColumns.add(cell.getColumnIndex());
                }
                else if (!text.isEmpty() && nameColumns.contains(cell.getColumnIndex())) {
                    names.put(row.getRowNum() + 1, new CellReference(cell).formatAsString(false));
                }
            }
        }
        return names;
    }

    private static boolean hasRuleTable(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && cell.getStringCellValue().trim().startsWith("RuleTable")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Drools names the cell in its parse messages ("... at cell C9"): keep that, drop the exception's class. */
    private static Finding tableError(String file, String sheet, RuntimeException error) {
        String message = rootMessage(error);
        Matcher cell = CELL_IN_MESSAGE.matcher(message);
        return Finding.error(file, sheet, cell.find() ? cell.group(1) : null, null, message,
                "Check the RuleSet and RuleTable rows and the template row above the data");
    }

    /** Why a file could not be opened, in words for the person who uploaded it. */
    static String unreadable(Throwable error) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = error; t != null && chain.length() < 10_000; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        String message = chain.toString();
        if (message.contains("Zip bomb") || message.contains("Tried to allocate an array")) {
            return "The file expands to far more data than a spreadsheet holds (a zip bomb?)";
        }
        if (message.contains("DOCTYPE") || message.contains("DTD") || message.toLowerCase(java.util.Locale.ROOT)
                .contains("entity")) {
            return "The file's XML declares a DOCTYPE or external entity, which spreadsheets do not need";
        }
        return "The file is not an Excel or LibreOffice Calc spreadsheet (.xlsx or .xls)";
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    /**
     * Decimal cells become BigDecimal literals ({@code 0.7B}): the facts hold exact decimals, and a double
     * literal would turn 0.70 ≤ 0.7 false through binary rounding.
     */
    static String exactDecimals(String drl) {
        return DECIMAL_LITERAL.matcher(drl).replaceAll("$1$2B");
    }

    private static String withHeader(String generated) {
        String drl = exactDecimals(generated);
        Matcher pkg = PACKAGE.matcher(drl);
        if (pkg.find()) {
            return drl.substring(0, pkg.end()) + HEADER + drl.substring(pkg.end());
        }
        return "package com.acme.tiering.rules;\n" + HEADER + drl;
    }
}
