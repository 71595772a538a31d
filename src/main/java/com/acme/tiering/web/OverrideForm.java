package com.acme.tiering.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.acme.tiering.evaluation.TierOverride;
import com.acme.tiering.override.ManualOverrides;
import com.acme.tiering.ruleset.TierCatalog;

/**
 * The manual override form as typed: every field a string, so that whatever arrives can be shown again
 * beside the message that names the field. The service checks the override once more, as for the API.
 *
 * @param expiresOn a date, e.g. 2026-12-31: the override ends at the end of that day in the service's zone
 */
public record OverrideForm(String tier, String kind, String reason, String expiresOn) {

    /** Reasons longer than this are refused, as by the API. */
    static final int MAX_REASON = 1000;

    /** The characters the API accepts in a reason: line breaks and tabs, no other controls. */
    private static final java.util.regex.Pattern LINES = java.util.regex.Pattern.compile(com.acme.tiering.Text.LINES);

    /** What the form's fields are called on the page, by the names the service gives them. */
    static final Map<String, String> FIELD_OF = Map.of("tier", "tier", "kind", "kind", "reason", "reason",
            "expiresAt", "expiresOn");

    static final Map<String, String> LABELS = Map.of("tier", "Tier", "kind", "Kind", "reason", "Reason",
            "expiresOn", "Expires on");

    static OverrideForm empty() {
        return new OverrideForm("", "PIN", "", "");
    }

    /**
     * The override the form asks for, or the fields at fault (form field name → message) in {@code errors}
     * and null.
     */
    ManualOverrides.NewOverride toOverride(ZoneId zone, LocalDate today, TierCatalog tiers,
            Map<String, String> errors) {
        if (!tiers.contains(tier)) {
            errors.put("tier", "must be one of " + tiers.describe());
        }
        TierOverride.Kind parsedKind = parsedKind();
        if (parsedKind == null) {
            errors.put("kind", "must be PIN (exactly this tier) or FLOOR (never below it)");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "must say why the tier is set by hand");
        }
        else if (reason.length() > MAX_REASON) {
            errors.put("reason", "must be at most 1,000 characters, not " + reason.length());
        }
        else if (!LINES.matcher(reason).matches()) {
            errors.put("reason", "must be text without control characters other than line breaks and tabs");
        }
        LocalDate date = date(today, errors);
        if (!errors.isEmpty()) {
            return null;
        }
        // The last whole second of the day: DATETIME(3) columns round finer fractions, perhaps into the next day.
        Instant endOfDay = date.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
        return new ManualOverrides.NewOverride(tier, parsedKind, reason, endOfDay);
    }

    private TierOverride.Kind parsedKind() {
        for (TierOverride.Kind k : TierOverride.Kind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return null;
    }

    private LocalDate date(LocalDate today, Map<String, String> errors) {
        if (expiresOn == null || expiresOn.isBlank()) {
            errors.put("expiresOn", "is missing: give the last day the override is in force");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(expiresOn.strip());
            if (date.isBefore(today)) {
                errors.put("expiresOn", "must be today or later (today is " + today + "), not " + date);
            }
            return date;
        }
        catch (DateTimeParseException e) {
            errors.put("expiresOn", "must be a date such as " + today.plusDays(30) + ", not '" + abbreviated(expiresOn)
                    + "'");
            return null;
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** The errors in one sentence for the top of the page: "Check what you entered: Reason: must say why …". */
    static String sentence(Map<String, String> errors) {
        Map<String, String> labelled = new LinkedHashMap<>();
        errors.forEach((field, message) -> labelled.put(LABELS.getOrDefault(field, field), message));
        return "Check what you entered: " + String.join("; ", labelled.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList()) + ". Nothing was changed.";
    }
}
