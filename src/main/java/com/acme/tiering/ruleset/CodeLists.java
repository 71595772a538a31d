package com.acme.tiering.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.acme.tiering.ruleset.SheetGrid.GridCell;

/**
 * The code lists a workbook declares on its sheet {@code Codes}, one list per column: the list's name in the first
 * row, its codes below, e.g. {@code accountManager | DEDICATED | POOLED | DIGITAL} down column A. An entitlement
 * declared {@code code:accountManager} takes exactly these codes.
 */
final class CodeLists {

    static final String SHEET = "Codes";

    static final Pattern CODE = Pattern.compile("^[\\p{L}\\p{N}_][\\p{L}\\p{M}\\p{N}_-]{0,39}$");

    private CodeLists() {
    }

    /** The lists of the workbook's Codes sheet (none when it has none); problems go to findings, naming the cell. */
    static Map<String, List<String>> of(String file, List<SheetGrid> sheets, List<Finding> findings) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (SheetGrid grid : sheets) {
            if (grid.sheet().equalsIgnoreCase(SHEET)) {
                read(file, grid, lists, findings);
            }
        }
        return lists;
    }

    private static void read(String file, SheetGrid grid, Map<String, List<String>> lists, List<Finding> findings) {
        int header = grid.rows().keySet().stream().mapToInt(Integer::intValue).min().orElse(-1);
        if (header < 0) {
            return;
        }
        for (GridCell name : grid.rows().get(header).values()) {
            if (!EntitlementColumn.NAME.matcher(name.text()).matches()) {
                findings.add(error(file, grid, name, "'" + name.text() + "' is not a code list name",
                        "Letters, digits and _ only, e.g. accountManager"));
                continue;
            }
            if (lists.containsKey(name.text())) {
                findings.add(error(file, grid, name, "The code list '" + name.text() + "' is declared twice", null));
                continue;
            }
            List<String> codes = new ArrayList<>();
            for (int r = header + 1; r <= grid.lastRow(); r++) {
                GridCell code = grid.cell(r, name.column());
                if (code.text().isEmpty()) {
                    continue;
                }
                if (code.formula() || !CODE.matcher(code.text()).matches()) {
                    findings.add(error(file, grid, code, "'" + code.text() + "' is not a code",
                            "Codes are letters, digits, _ and -, e.g. DEDICATED"));
                }
                else if (codes.contains(code.text())) {
                    findings.add(error(file, grid, code, "'" + code.text() + "' is listed twice in " + name.text(),
                            null));
                }
                else {
                    codes.add(code.text());
                }
            }
            if (codes.isEmpty()) {
                findings.add(error(file, grid, name, "The code list '" + name.text() + "' has no codes",
                        "List its codes below the name"));
            }
            lists.put(name.text(), List.copyOf(codes));
        }
    }

    private static Finding error(String file, SheetGrid grid, GridCell cell, String message, String hint) {
        return Finding.error(file, grid.sheet(), cell.ref(), null, message, hint);
    }
}
