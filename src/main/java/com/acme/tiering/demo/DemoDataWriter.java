package com.acme.tiering.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.acme.tiering.facts.AttributeValues;

/**
 * Writes generated customers, their orders and interactions hundreds of rows per round trip, the fastest
 * way each driver has without settings in the URL: MariaDB Connector/J sends a JDBC batch as one binary bulk
 * command (measured 1.5x faster than the alternative); for MySQL Connector/J and H2 a multi-row INSERT does
 * it (Connector/J would otherwise send a batch row by row). The caller owns the connection and the transaction.
 */
public final class DemoDataWriter {

    private static final int ROWS_PER_STATEMENT = 500;

    private static final String CUSTOMERS = "INSERT INTO customer (customer_id, name, industry, region, employees,"
            + " account_owner, created_at, updated_at) VALUES ";
    private static final String ORDERS = "INSERT INTO customer_order (customer_id, order_id, order_date, amount,"
            + " recorded_at) VALUES ";
    private static final String INTERACTIONS = "INSERT INTO interaction (customer_id, interaction_id, interaction_date,"
            + " interaction_type, resolved, score, recorded_at) VALUES ";
    private static final String ATTRIBUTES = "INSERT INTO customer_attribute (customer_id, name, value_type, value_text,"
            + " updated_at) VALUES ";

    /** What one call wrote. */
    public record Written(int customers, long orders, long interactions) {

        public long rows() {
            return customers + orders + interactions;
        }
    }

    private DemoDataWriter() {
    }

    /** @param recordedAt the creation and recording time of every row */
    public static Written write(Connection connection, List<DemoCustomer> customers, Instant recordedAt)
            throws SQLException {
        Timestamp at = Timestamp.from(recordedAt);
        boolean bulk = connection.getMetaData().getDriverName().contains("MariaDB");
        try (Rows customerRows = new Rows(connection, CUSTOMERS, 8, bulk);
                Rows attributeRows = new Rows(connection, ATTRIBUTES, 5, bulk);
                Rows orderRows = new Rows(connection, ORDERS, 5, bulk);
                Rows interactionRows = new Rows(connection, INTERACTIONS, 7, bulk)) {
            for (DemoCustomer c : customers) {
                customerRows.add(c.customerId(), c.name(), c.industry(), c.region(), c.employees(), c.accountOwner(),
                        at, at);
            }
            customerRows.flush();
            for (DemoCustomer c : customers) {
                if (c.relationshipDepth() != null) {
                    attributeRows.add(c.customerId(), "relationshipDepth", AttributeValues.Stored.TEXT.name(),
                            c.relationshipDepth(), at);
                }
            }
            attributeRows.flush();
            // Parents first: orders and interactions reference the customers by foreign key.
            for (DemoCustomer c : customers) {
                for (DemoCustomer.Order o : c.orders()) {
                    orderRows.add(c.customerId(), o.orderId(), o.date(), o.amount(), at);
                }
                for (DemoCustomer.Interaction i : c.interactions()) {
                    interactionRows.add(c.customerId(), i.interactionId(), i.date(), i.type(),
                            i.resolved(), i.score(), at);
                }
            }
            orderRows.flush();
            interactionRows.flush();
            return new Written(customers.size(), orderRows.written, interactionRows.written);
        }
    }

    /**
     * Collects rows of one table and inserts them {@link #ROWS_PER_STATEMENT} at a time: as one batch of a
     * one-row INSERT ({@code bulk}) or as one INSERT of that many rows.
     */
    private static final class Rows implements AutoCloseable {

        private final Connection connection;
        private final String insert;
        private final int columns;
        private final boolean bulk;
        private final Object[] values;
        private PreparedStatement full;
        private int pending;
        private long written;

        Rows(Connection connection, String insert, int columns, boolean bulk) {
            this.connection = connection;
            this.insert = insert;
            this.columns = columns;
            this.bulk = bulk;
            this.values = new Object[ROWS_PER_STATEMENT * columns];
        }

        void add(Object... row) throws SQLException {
            System.arraycopy(row, 0, values, pending * columns, columns);
            if (++pending == ROWS_PER_STATEMENT) {
                if (full == null) {
                    full = connection.prepareStatement(sql(bulk ? 1 : ROWS_PER_STATEMENT));
                }
                execute(full);
            }
        }

        void flush() throws SQLException {
            if (pending > 0 && bulk) {
                if (full == null) {
                    full = connection.prepareStatement(sql(1));
                }
                execute(full);
            }
            else if (pending > 0) {
                try (PreparedStatement rest = connection.prepareStatement(sql(pending))) {
                    execute(rest);
                }
            }
        }

        private void execute(PreparedStatement statement) throws SQLException {
            if (bulk) {
                for (int row = 0; row < pending; row++) {
                    for (int column = 0; column < columns; column++) {
                        statement.setObject(column + 1, values[row * columns + column]);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            else {
                for (int i = 0; i < pending * columns; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.executeUpdate();
            }
            written += pending;
            pending = 0;
        }

        private String sql(int rows) {
            String row = "(?" + ",?".repeat(columns - 1) + ")";
            StringBuilder sql = new StringBuilder(insert.length() + rows * (row.length() + 1));
            sql.append(insert).append(row);
            for (int i = 1; i < rows; i++) {
                sql.append(',').append(row);
            }
            return sql.toString();
        }

        @Override
        public void close() throws SQLException {
            if (full != null) {
                full.close();
            }
        }
    }
}
