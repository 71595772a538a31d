package com.acme.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.acme.tiering.support.ServiceTest;

/**
 * The service reads the database through one JdbcClient with conversions of its own, and leaves Spring's
 * JVM-wide shared conversion service as Spring made it.
 */
@ServiceTest
class JdbcConfigurationTests {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    record Evaluated(Instant evaluatedAt) {
    }

    @Test
    void theStartedServiceLeavesSpringsSharedConversionServiceAsItWas() {
        assertThat(DefaultConversionService.getSharedInstance().canConvert(LocalDateTime.class, Instant.class))
                .as("only the service's own conversions turn a LocalDateTime into an Instant").isFalse();
    }

    @Test
    void theOneJdbcClientIsTheServicesOwnWhichBootsBacksOffFor() {
        assertThat(context.getBeanNamesForType(JdbcClient.class)).containsExactly("jdbcClient");
        assertThat(context.getBean("jdbcClient")).isSameAs(jdbc);
        assertThat(context.getBeanFactory().getBeanDefinition("jdbcClient").getFactoryBeanName()).isEqualTo("jdbcConfiguration");
    }

    @Test
    void theClientReadsTheDatetimeMySqlConnectorJAnswersIntoAnInstant() throws SQLException {
        LocalDateTime datetime = LocalDateTime.of(2026, 3, 29, 2, 30, 15);
        JdbcClient client = new JdbcConfiguration()
                .jdbcClient(new NamedParameterJdbcTemplate(connectorJAnswering(datetime)));

        Evaluated row = client.sql("SELECT evaluated_at FROM decision_history").query(Evaluated.class).single();

        assertThat(row.evaluatedAt()).isEqualTo(datetime.atZone(ZoneId.systemDefault()).toInstant());
    }

    @Test
    void theServicesClientReadsTheDatabasesTimestampsIntoInstants() {
        Instant at = jdbc.sql("SELECT CAST(? AS TIMESTAMP) AS evaluated_at").param(LocalDateTime.of(2026, 12, 7, 9, 15))
                .query(Evaluated.class).single().evaluatedAt();

        assertThat(at).isEqualTo(LocalDateTime.of(2026, 12, 7, 9, 15).atZone(ZoneId.systemDefault()).toInstant());
    }

    /** A driver as Connector/J is for DATETIME: one row, answered as a LocalDateTime and not as an Instant. */
    private static DataSource connectorJAnswering(LocalDateTime datetime) throws SQLException {
        DataSource dataSource = mock(DataSource.class);
        Connection connection = mock(Connection.class);
        PreparedStatement statement = mock(PreparedStatement.class);
        ResultSet rows = mock(ResultSet.class);
        ResultSetMetaData columns = mock(ResultSetMetaData.class);
        when(dataSource.getConnection()).thenReturn(connection);
        when(connection.prepareStatement(anyString())).thenReturn(statement);
        when(statement.executeQuery()).thenReturn(rows);
        when(rows.next()).thenReturn(true, false);
        when(rows.getMetaData()).thenReturn(columns);
        when(columns.getColumnCount()).thenReturn(1);
        when(columns.getColumnLabel(1)).thenReturn("evaluated_at");
        when(rows.findColumn("evaluated_at")).thenReturn(1);
        when(rows.getObject(eq(1), eq(Instant.class))).thenThrow(new SQLFeatureNotSupportedException());
        when(rows.getObject(1)).thenReturn(datetime);
        return dataSource;
    }
}
