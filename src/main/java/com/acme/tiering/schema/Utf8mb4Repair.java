package com.acme.tiering.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that make a MySQL or MariaDB schema utf8mb4 in one collation: the schema's default first, so
 * tables converted agree with tables created later; then every table not yet utf8mb4. MariaDB will not change the
 * charset of a column a foreign key joins, even with foreign key checks off, so those keys are dropped before the
 * tables are converted and added again, as they were, after.
 *
 * @param tables the base tables not in utf8mb4
 * @param foreignKeys the schema's foreign keys (those not touching a converted table are left alone)
 */
record Utf8mb4Repair(String schema, String charset, String collation, List<String> tables,
        List<ForeignKey> foreignKeys) {

    /** A foreign key as information_schema describes it. */
    record ForeignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns, String updateRule, String deleteRule) {

        String drop() {
            return "ALTER TABLE " + quoted(table) + " DROP FOREIGN KEY " + quoted(name);
        }

        String add() {
            return "ALTER TABLE " + quoted(table) + " ADD CONSTRAINT " + quoted(name) + " FOREIGN KEY (" + list(columns)
                    + ") REFERENCES " + quoted(referencedTable) + " (" + list(referencedColumns) + ")"
                    + action("UPDATE", updateRule) + action("DELETE", deleteRule);
        }

        /**
         * Only an action that does something is written out: InnoDB checks RESTRICT and NO ACTION alike, and the
         * servers name the one a key was declared without differently (MariaDB RESTRICT, MySQL NO ACTION), so
         * leaving it out gives the key back exactly as the migration declared it.
         */
        private static String action(String on, String rule) {
            return rule == null || rule.equals("RESTRICT") || rule.equals("NO ACTION") ? "" : " ON " + on + " " + rule;
        }
    }

    boolean needed() {
        return !utf8mb4Default() || !tables.isEmpty();
    }

    List<String> statements() {
        List<String> statements = new ArrayList<>();
        if (!utf8mb4Default()) {
            statements.add("ALTER DATABASE " + quoted(schema) + " CHARACTER SET utf8mb4 COLLATE " + collation);
        }
        if (tables.isEmpty()) {
            return statements;
        }
        List<ForeignKey> touched = foreignKeys.stream()
                .filter(key -> tables.contains(key.table()) || tables.contains(key.referencedTable())).toList();
        // the rows were consistent before; checking them again while adding the keys back would only take time
        statements.add("SET FOREIGN_KEY_CHECKS = 0");
        touched.forEach(key -> statements.add(key.drop()));
        tables.forEach(table -> statements.add("ALTER TABLE " + quoted(table) + " CONVERT TO CHARACTER SET utf8mb4 "
                + "COLLATE " + collation));
        touched.forEach(key -> statements.add(key.add()));
        statements.add("SET FOREIGN_KEY_CHECKS = 1");
        return statements;
    }

    private boolean utf8mb4Default() {
        return "utf8mb4".equalsIgnoreCase(charset);
    }

    private static String list(List<String> names) {
        return String.join(", ", names.stream().map(Utf8mb4Repair::quoted).toList());
    }

    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
