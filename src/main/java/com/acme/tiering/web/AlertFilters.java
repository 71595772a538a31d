package com.acme.tiering.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;

import com.acme.tiering.decision.AlertStatus;

/**
 * The filters of the alerts list as the address carries them, so that a filtered list can be bookmarked and
 * its pages link to each other with the same filters.
 */
public record AlertFilters(String status, String risk, String owner, String trigger, Boolean overdue, int page,
        int size) {

    public static final List<String> STATUSES = Stream.of(AlertStatus.values()).map(AlertStatus::name).toList();
    public static final List<String> RISKS = List.of("HIGH", "MEDIUM", "LOW");
    /** The shipped triggers (rules/churn-triggers.xlsx), offered as suggestions: rules may add others. */
    public static final List<String> TRIGGERS = List.of("OVERDUE_PURCHASE", "REVENUE_DECLINE", "COMPLAINT_BURST",
            "UNRESOLVED_TICKETS", "GONE_SILENT", "DETRACTOR");

    static final int DEFAULT_SIZE = 50;

    public List<String> statuses() {
        return STATUSES;
    }

    public List<String> risks() {
        return RISKS;
    }

    public List<String> triggers() {
        return TRIGGERS;
    }

    /** The list's address for another page with the same filters, without the filters left empty. */
    public String pageUrl(int otherPage) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        add(query, "status", status);
        add(query, "risk", risk);
        add(query, "owner", owner);
        add(query, "trigger", trigger);
        add(query, "overdue", overdue);
        add(query, "page", otherPage > 0 ? otherPage : null);
        add(query, "size", size != DEFAULT_SIZE ? size : null);
        return "/alerts" + query;
    }

    public boolean any() {
        return status != null || risk != null || owner != null || trigger != null || overdue != null;
    }

    private static void add(StringJoiner query, String name, Object value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
    }
}
