package com.acme.tiering.customer;

import java.time.LocalDate;

/** @param resolved only meaningful for support tickets; @param score the NPS score, 0–10, NPS surveys only */
public record NewInteraction(String interactionId, LocalDate date, InteractionType type, boolean resolved,
        Integer score) {
}
