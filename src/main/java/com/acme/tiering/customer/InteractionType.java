package com.acme.tiering.customer;

public enum InteractionType {
    COMPLAINT, SUPPORT_TICKET, VISIT, CALL, NPS_SURVEY, REFERRAL
}
