import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One-off bootstrap of rules/churn-triggers.xlsx, the six triggers of the former churn-triggers.drl as a table laid
 * out like the workbooks of make-rule-workbooks.py (same header rows, fills and widths). Operations managers edit the
 * .xlsx itself; this only records how its first version was made. Re-running it overwrites the file.
 *
 * <pre>
 * ./mvnw -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=compile
 * java -cp "$(cat /tmp/cp.txt)" tools/MakeChurnTriggerWorkbook.java rules
 * </pre>
 */
public class MakeChurnTriggerWorkbook {

    /** keyword, fact type (first condition only), template, label. */
    private static final List<String[]> COLUMNS = List.of(
            new String[] { "TRIGGER", "", "", "Trigger" },
            new String[] { "DESCRIPTION", "", "", "Description (what auditors read)" },
            new String[] { "CONDITION", "CustomerFacts", "ordersLast12m >= $param", "ordersLast12m ≥" },
            new String[] { "CONDITION", "", "recencyDays > $param", "recencyDays >" },
            new String[] { "CONDITION", "", "recencyDays > $param * avgInterOrderDays",
                "recencyDays > factor × avgInterOrderDays" },
            new String[] { "CONDITION", "", "revenuePrev6m >= $param", "revenuePrev6m ≥" },
            new String[] { "CONDITION", "", "revenueLast6m < $param * revenuePrev6m",
                "revenueLast6m < factor × revenuePrev6m" },
            new String[] { "CONDITION", "", "complaintsLast90d >= $param", "complaintsLast90d ≥" },
            new String[] { "CONDITION", "", "openTickets >= $param", "openTickets ≥" },
            new String[] { "CONDITION", "", "lastContactDays > $param", "lastContactDays >" },
            new String[] { "CONDITION", "", "latestNps <= $param", "latestNps ≤" },
            new String[] { "TIERS", "", "", "Tiers (empty = all)" },
            new String[] { "RISK", "", "", "Risk" },
            new String[] { "RECOMMENDED-ACTION", "", "", "Recommended action" },
            new String[] { "OWNER-ROLE", "", "", "Owner role" },
            new String[] { "DUE-WITHIN-HOURS", "", "", "Due within hours" });

    private static final int FIRST_CONDITION = 2;
    private static final int LAST_CONDITION = 10;

    /** One row per trigger and risk; null = empty cell. */
    private static final List<Object[]> ROWS = List.of(
            new Object[] { "OVERDUE_PURCHASE", "Overdue purchase (HIGH): buys at least 4 times a year, and the last "
                    + "order is more than 30 days and more than 3 times the usual interval between orders ago",
                4, 30, 3, null, null, null, null, null, null, null, "HIGH", "Account manager calls within 48 h",
                "ACCOUNT_MANAGER", 48 },
            new Object[] { "OVERDUE_PURCHASE", "Overdue purchase (MEDIUM): buys at least 4 times a year, and the last "
                    + "order is more than 30 days and more than twice the usual interval between orders ago",
                4, 30, 2, null, null, null, null, null, null, null, "MEDIUM", "Account manager calls within 48 h",
                "ACCOUNT_MANAGER", 48 },
            new Object[] { "REVENUE_DECLINE", "Revenue decline (HIGH at a strategic or key account): the last 6 months "
                    + "brought less than 60% of the 6 months before, which were at least 10,000",
                null, null, null, 10000, 0.6, null, null, null, null, "A, B", "HIGH", "Business review within 14 days",
                "ACCOUNT_MANAGER", 336 },
            new Object[] { "REVENUE_DECLINE", "Revenue decline (MEDIUM): the last 6 months brought less than 60% of the "
                    + "6 months before, which were at least 10,000",
                null, null, null, 10000, 0.6, null, null, null, null, null, "MEDIUM", "Business review within 14 days",
                "ACCOUNT_MANAGER", 336 },
            new Object[] { "COMPLAINT_BURST", "Complaint burst (HIGH): two or more complaints in the last 90 days",
                null, null, null, null, null, 2, null, null, null, null, "HIGH", "Service manager follows up within 24 h",
                "SERVICE_MANAGER", 24 },
            new Object[] { "UNRESOLVED_TICKETS", "Unresolved tickets (MEDIUM): three or more support tickets still open",
                null, null, null, null, null, null, 3, null, null, null, "MEDIUM", "Support lead reviews within 48 h",
                "SUPPORT_LEAD", 48 },
            new Object[] { "GONE_SILENT", "Gone silent (MEDIUM): a strategic or key account with no contact of any "
                    + "kind for more than 60 days",
                null, null, null, null, null, null, null, 60, null, "A, B", "MEDIUM", "Schedule a visit within 14 days",
                "ACCOUNT_MANAGER", 336 },
            new Object[] { "DETRACTOR", "Detractor (MEDIUM): the latest NPS score is 6 or lower",
                null, null, null, null, null, null, null, null, 6, null, "MEDIUM", "Account manager calls within 72 h",
                "ACCOUNT_MANAGER", 72 });

    public static void main(String[] args) throws IOException {
        Path rules = Path.of(args.length > 0 ? args[0] : "rules");
        Files.createDirectories(rules);
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = new FileOutputStream(rules.resolve("churn-triggers.xlsx").toFile())) {
            XSSFCellStyle keyword = style(workbook, 0xDD, 0xEB, 0xF7);
            XSSFCellStyle label = style(workbook, 0xFF, 0xF2, 0xCC);
            XSSFSheet sheet = workbook.createSheet("ChurnTriggers");
            row(sheet, 0, keyword, "RuleSet", "com.acme.tiering.rules");
            row(sheet, 1, keyword, "Notes", "Every row whose conditions all hold fires (not only the first). Rows "
                    + "with the same trigger give one signal: the highest risk among those that hold. The customer's "
                    + "churn risk is the highest of its signals. Empty condition cell = no condition.");
            row(sheet, 2, keyword, "Notes", "Tiers: codes separated by commas (A Strategic, B Key, C Standard, "
                    + "D Basic), empty = every tier. Risk: HIGH, MEDIUM or LOW. Owner role: who acts on the alert, in "
                    + "capitals, e.g. ACCOUNT_MANAGER. Due within hours: 1 to 8760.");
            row(sheet, 5, keyword, "RuleTable ChurnTriggers");
            for (int part = 0; part < 4; part++) {
                Row row = sheet.createRow(6 + part);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(COLUMNS.get(c)[part]);
                    if (part == 0 || part == 3) {
                        cell.setCellStyle(part == 0 ? keyword : label);
                    }
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(7, 7, FIRST_CONDITION, LAST_CONDITION));
            for (int r = 0; r < ROWS.size(); r++) {
                Row row = sheet.createRow(10 + r);
                Object[] values = ROWS.get(r);
                for (int c = 0; c < values.length; c++) {
                    if (values[c] instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    }
                    else if (values[c] != null) {
                        row.createCell(c).setCellValue(values[c].toString());
                    }
                }
            }
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, (c == 1 ? 60 : 22) * 256);
            }
            XSSFCellStyle wrap = workbook.createCellStyle();
            wrap.cloneStyleFrom(keyword);
            wrap.setWrapText(true);
            sheet.getRow(1).getCell(1).setCellStyle(wrap);
            sheet.getRow(2).getCell(1).setCellStyle(wrap);
            workbook.write(out);
        }
        System.out.println("wrote " + rules.resolve("churn-triggers.xlsx"));
    }

    private static void row(XSSFSheet sheet, int index, XSSFCellStyle style, String... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(values[c]);
            cell.setCellStyle(style);
        }
    }

    private static XSSFCellStyle style(XSSFWorkbook workbook, int red, int green, int blue) {
        XSSFFont bold = workbook.createFont();
        bold.setBold(true);
        XSSFCellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(new XSSFColor(new byte[] { (byte) red, (byte) green, (byte) blue }, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }
}
