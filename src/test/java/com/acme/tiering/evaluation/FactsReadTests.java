package com.acme.tiering.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The facts a fired rule read behave, print and serialise as the ordered map they replace. */
class FactsReadTests {

    private static FactsRead read() {
        FactsRead read = new FactsRead(3);
        read.record("paretoShare", new BigDecimal("0.84"));
        read.record("ordersLast12m", 5);
        read.record("latestNps", null);
        return read;
    }

    private static Map<String, Object> linked() {
        Map<String, Object> linked = new LinkedHashMap<>();
        linked.put("paretoShare", new BigDecimal("0.84"));
        linked.put("ordersLast12m", 5);
        linked.put("latestNps", null);
        return linked;
    }

    @Test
    void keepsTheOrderOfReadingAndEqualsTheSameEntriesInAnyMap() {
        assertThat(read()).containsExactly(Map.entry("paretoShare", new BigDecimal("0.84")),
                Map.entry("ordersLast12m", 5), new AbstractMap.SimpleEntry<>("latestNps", null));
        assertThat(read()).isEqualTo(linked()).hasSameHashCodeAs(linked());
        assertThat(read()).hasToString(linked().toString());
        assertThat(read().get("ordersLast12m")).isEqualTo(5);
        assertThat(read().containsKey("latestNps")).isTrue();
        assertThat(read().containsKey("recencyDays")).isFalse();
    }

    @Test
    void aFactReadAgainKeepsItsPlaceAndTakesTheLaterValue() {
        FactsRead read = read();
        read.record("paretoShare", new BigDecimal("0.91"));

        assertThat(read.keySet()).containsExactly("paretoShare", "ordersLast12m", "latestNps");
        assertThat(read.get("paretoShare")).isEqualTo(new BigDecimal("0.91"));
    }

    @Test
    void serialisesAsTheOrderedMapItReplaces() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.writeValueAsString(read())).isEqualTo(json.writeValueAsString(linked()))
                .isEqualTo("{\"paretoShare\":0.84,\"ordersLast12m\":5,\"latestNps\":null}");
    }
}
