package com.acme.tiering.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the alert forms send, checked as the API checks the same comments (api/ChurnAlertController). */
public final class AlertForms {

    static final String LINES = com.acme.tiering.Text.LINES;
    static final String LINES_MESSAGE = com.acme.tiering.Text.LINES_MESSAGE;

    private AlertForms() {
    }

    /** @param back the filtered list to return to after a quick acknowledgement from the list, if any */
    public record Acknowledgement(@Size(max = 2000) @Pattern(regexp = LINES, message = LINES_MESSAGE) String comment,
            String back) {
    }

    public record Resolution(@NotBlank(message = "must say what was done") @Size(max = 2000)
            @Pattern(regexp = LINES, message = LINES_MESSAGE) String comment) {
    }
}
