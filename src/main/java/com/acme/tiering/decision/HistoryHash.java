package com.acme.tiering.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

/** The hash of one history row: its content, chained to the previous row's hash for that customer. */
final class HistoryHash {

    /** Before a customer's first row the chain starts from this value. */
    static final String GENESIS = "0".repeat(64);

    private HistoryHash() {
    }

    /** The columns of a history row as they are stored, in a fixed order. */
    record Content(String customerId, String tier, String planCode, String lifecycleStage, String rfmSegment,
            String churnRisk, String churnTriggers, String rulesetVersion, Long runId, LocalDate asOf,
            Instant evaluatedAt, String decisionJson) {
    }

    static String of(String previousHash, Content row) {
        String canonical = String.join("\u001f", previousHash, row.customerId(), row.tier(),
                String.valueOf(row.planCode()), String.valueOf(row.lifecycleStage()), String.valueOf(row.rfmSegment()),
                row.churnRisk(), row.churnTriggers(), row.rulesetVersion(), String.valueOf(row.runId()),
                row.asOf().toString(), String.valueOf(row.evaluatedAt().toEpochMilli()), sha256(row.decisionJson()));
        return sha256(canonical);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
