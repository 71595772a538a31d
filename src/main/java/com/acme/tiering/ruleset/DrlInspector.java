package com.acme.tiering.ruleset;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The static check a DRL file must pass: DRL is compiled into Java, so it may import only the fact
 * model, declare only the {@code decision} global, declare no functions or types, and its conditions
 * and consequences may not reach the system, reflection, threads, I/O, class loading or create
 * anything but facts. Each violation is a finding naming file and line.
 */
final class DrlInspector {

    private static final String FACTS = "com.acme.tiering.facts.";
    private static final String OUTCOME = "com.acme.tiering.evaluation.Outcome";
    private static final Pattern FORBIDDEN = Pattern.compile("\\b(System|Runtime|ProcessBuilder|Process|Thread"
            + "|Executors?|ClassLoader|Class|forName|getClass|reflect|Method|Field|invoke|File|Files|Paths?|Socket"
            + "|URL|URI|InputStream|OutputStream|Reader|Writer|exec|exit|halt|getRuntime|eval|drools|kcontext"
            + "|kieRuntime|getKieRuntime|insertLogical|java|javax|sun|jdk|org|net|com|from|collect|accumulate"
            + "|entry-point|timer|calendars)\\b");
    private static final Pattern NEW = Pattern.compile("\\bnew\\s+([A-Za-z_][\\w.]*)");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u");

    private DrlInspector() {
    }

    static List<Finding> inspect(String file, String drl) {
        List<Finding> findings = new ArrayList<>();
        PackageDescr parsed;
        try {
            DrlParser parser = new DrlParser();
            parsed = parser.parse(false, new StringReader(drl));
            if (parser.hasErrors() || parsed == null) {
                return findings; // the compiler reports syntax errors with their lines
            }
        }
        catch (DroolsParserException unparseable) {
            return findings;
        }
        for (ImportDescr imported : parsed.getImports()) {
            String target = imported.getTarget();
            if (!target.startsWith(FACTS) || target.substring(FACTS.length()).contains(".")) {
                findings.add(at(file, imported, "Import of '" + target + "' is not allowed",
                        "Rules may import only the fact model: com.acme.tiering.facts.*"));
            }
        }
        for (GlobalDescr global : parsed.getGlobals()) {
            if (!global.getType().equals(OUTCOME) || !global.getIdentifier().equals("decision")) {
                findings.add(at(file, global, "Global '" + global.getIdentifier() + "' is not allowed",
                        "The only global is: global " + OUTCOME + " decision;"));
            }
        }
        parsed.getFunctions().forEach(f -> findings.add(at(file, f, "Functions are not allowed in DRL uploads", null)));
        parsed.getTypeDeclarations().forEach(t -> findings.add(at(file, t, "Type declarations are not allowed", null)));
        findings.addAll(forbiddenCode(file, drl));
        return findings;
    }

    /** Scans the code (comments and string literals blanked out, line structure kept) line by line. */
    private static List<Finding> forbiddenCode(String file, String drl) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = codeOnly(drl).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("package ") || line.startsWith("import ") || line.startsWith("global ")) {
                continue;
            }
            Matcher forbidden = FORBIDDEN.matcher(line);
            if (forbidden.find()) {
                findings.add(Finding.error(file, null, null, i + 1, "'" + forbidden.group(1)
                        + "' is not allowed in rules", "Conditions read facts, consequences call decision.…"));
            }
            Matcher created = NEW.matcher(line);
            while (created.find()) {
                if (!FactModel.isFactType(created.group(1))) {
                    findings.add(Finding.error(file, null, null, i + 1, "'new " + created.group(1)
                            + "' is not allowed", "Only facts of the fact model may be created"));
                }
            }
            if (UNICODE_ESCAPE.matcher(lines[i]).find()) {
                findings.add(Finding.error(file, null, null, i + 1, "Unicode escapes are not allowed in rules",
                        "Write the characters themselves"));
            }
        }
        return findings;
    }

    /** The DRL with comments and string contents replaced by spaces, so words in texts are not code. */
    static String codeOnly(String drl) {
        StringBuilder code = new StringBuilder(drl.length());
        int i = 0;
        while (i < drl.length()) {
            char c = drl.charAt(i);
            if (c == '/' && i + 1 < drl.length() && drl.charAt(i + 1) == '/') {
                while (i < drl.length() && drl.charAt(i) != '\n') {
                    code.append(' ');
                    i++;
                }
            }
            else if (c == '/' && i + 1 < drl.length() && drl.charAt(i + 1) == '*') {
                int end = drl.indexOf("*/", i + 2);
                end = end < 0 ? drl.length() : end + 2;
                blank(drl, i, end, code);
                i = end;
            }
            else if (c == '"') {
                int end = i + 1;
                while (end < drl.length() && drl.charAt(end) != '"' && drl.charAt(end) != '\n') {
                    end += drl.charAt(end) == '\\' ? 2 : 1;
                }
                code.append('"');
                blank(drl, i + 1, Math.min(end, drl.length()), code);
                i = Math.min(end, drl.length());
                if (i < drl.length() && drl.charAt(i) == '"') {
                    code.append('"');
                    i++;
                }
            }
            else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static void blank(String text, int from, int to, StringBuilder into) {
        for (int j = from; j < to; j++) {
            into.append(text.charAt(j) == '\n' ? '\n' : ' ');
        }
    }

    private static Finding at(String file, BaseDescr descr, String message, String hint) {
        return Finding.error(file, null, null, descr.getLine() > 0 ? descr.getLine() : null, message, hint);
    }
}
