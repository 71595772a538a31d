package com.acme.tiering.facts;

import java.time.LocalDate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The date windows of PRODUCT.md §3 as of one evaluation date: each window is (from, asOf] or (from, to]. */
record Windows(LocalDate asOf) {

    MapSqlParameterSource params() {
        return new MapSqlParameterSource().addValue("asOf", asOf).addValue("d90", asOf.minusDays(90))
                .addValue("d182", asOf.minusDays(182)).addValue("d364", asOf.minusDays(364))
                .addValue("d365", asOf.minusDays(365)).addValue("d730", asOf.minusDays(730));
    }
}
