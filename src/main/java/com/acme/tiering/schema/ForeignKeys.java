package com.acme.tiering.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The foreign keys of the connection's schema, read from information_schema, columns in key order. */
final class ForeignKeys {

    private ForeignKeys() {
    }

    static List<Utf8mb4Repair.ForeignKey> of(Connection connection) throws SQLException {
        Map<String, List<String[]>> columns = new LinkedHashMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT rc.TABLE_NAME, rc.CONSTRAINT_NAME, rc.REFERENCED_TABLE_NAME, rc.UPDATE_RULE, rc.DELETE_RULE,
                       k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME
                FROM information_schema.REFERENTIAL_CONSTRAINTS rc
                JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA
                     AND k.TABLE_NAME = rc.TABLE_NAME AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME
                WHERE rc.CONSTRAINT_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_SCHEMA = DATABASE()
                ORDER BY rc.TABLE_NAME, rc.CONSTRAINT_NAME, k.ORDINAL_POSITION""")) {
            while (rows.next()) {
                String id = rows.getString(1) + "." + rows.getString(2);
                keys.putIfAbsent(id, new String[] { rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5) });
                columns.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new String[] { rows.getString(6), rows.getString(7) });
            }
        }
        List<Utf8mb4Repair.ForeignKey> foreignKeys = new ArrayList<>();
        keys.forEach((id, key) -> foreignKeys.add(new Utf8mb4Repair.ForeignKey(key[1], key[0],
                columns.get(id).stream().map(column -> column[0]).toList(), key[2],
                columns.get(id).stream().map(column -> column[1]).toList(), key[3], key[4])));
        return foreignKeys;
    }
}
