package com.acme.tiering.decision;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions changed in a date range, with their explanations, as CSV or XLSX for auditors. Rows stream
 * from the database to the response (a million rows need no memory), and no cell can start a formula:
 * text from customers ("=HYPERLINK(…)") would otherwise run in the auditor's spreadsheet.
 */
@Service
public class AuditExport {

    static final List<String> COLUMNS = List.of("customerId", "customerName", "asOf", "evaluatedAt", "tier", "plan",
            "lifecycleStage", "rfmSegment", "churnRisk", "churnTriggers", "rulesetVersion", "runId", "explanation", "rulesTier", "manualOverride",
            "tierName");

    private static final String QUERY = """
            SELECT h.customer_id, c.name, h.as_of, h.evaluated_at, h.tier, h.plan_code, h.lifecycle_stage,
                h.rfm_segment, h.churn_risk, h.churn_triggers, h.ruleset_version, h.run_id, h.decision_json, h.tier_name
            FROM decision_history h JOIN customer c ON c.customer_id = h.customer_id
            WHERE h.as_of >= ? AND h.as_of <= ? ORDER BY h.as_of, h.id
            """;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    AuditExport(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void csv(LocalDate from, LocalDate to, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(String.join(",", COLUMNS) + "\r\n");
            rows(from, to, values -> {
                try {
                    for (int i = 0; i < values.length; i++) {
                        writer.write((i == 0 ? "" : ",") + csvField(safe(values[i])));
                    }
                    writer.write("\r\n");
                }
                catch (IOException broken) {
                    throw new UncheckedIOException(broken);
                }
            });
            writer.flush();
        }
        catch (IOException broken) {
            throw new UncheckedIOException(broken);
        }
    }

    public void xlsx(LocalDate from, LocalDate to, OutputStream out) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Decisions");
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i));
            }
            int[] next = { 1 };
            rows(from, to, values -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < values.length; i++) {
                    row.createCell(i).setCellValue(safe(values[i]));
                }
            });
            workbook.write(out);
            workbook.close();
        }
        catch (IOException broken) {
            throw new UncheckedIOException(broken);
        }
    }

    private interface RowSink {
        void accept(String[] values);
    }

    private void rows(LocalDate from, LocalDate to, RowSink sink) {
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(QUERY, java.sql.ResultSet.TYPE_FORWARD_ONLY,
                    java.sql.ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(500);
            statement.setObject(1, from);
            statement.setObject(2, to);
            return statement;
        }, (RowCallbackHandler) rs -> {
            String[] fromJson = fromJson(rs.getString(13), rs.getString(5));
            sink.accept(new String[] { rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getTimestamp(4).toInstant().toString(), rs.getString(5), rs.getString(6), rs.getString(7),
                    rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                    fromJson[0], fromJson[1], fromJson[2], rs.getString(14) });
        });
    }

    /** The explanation's summary, the rules' own tier and the manual override, read from the stored decision. */
    private String[] fromJson(String decisionJson, String tier) {
        var decision = json.readTree(decisionJson);
        var explanation = decision.get("explanation");
        String summary = explanation == null || explanation.get("summary") == null ? ""
                : explanation.get("summary").asString();
        var rulesTier = decision.get("rulesTier");
        var override = decision.get("manualOverride");
        String overrideText = override == null || override.isNull() ? ""
                : override.get("kind").asString() + " " + override.get("tier").asString() + " set by "
                        + override.get("setBy").asString() + " until " + override.get("expiresAt").asString() + ": "
                        + override.get("reason").asString();
        return new String[] { summary, rulesTier == null || rulesTier.isNull() ? tier : rulesTier.asString(),
                overrideText };
    }

    /** A cell that would start a formula in a spreadsheet is prefixed with a quote, which shows it as text. */
    static String safe(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /**
     * Quoted when it holds a separator: also ';' and tab, which spreadsheets in many locales split on, so that
     * "Acme;=1+1" stays one cell rather than becoming a second one that starts a formula.
     */
    private static String csvField(String value) {
        return value.contains(",") || value.contains(";") || value.contains("\t") || value.contains("\"")
                || value.contains("\n") || value.contains("\r") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
