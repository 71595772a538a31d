package com.acme.tiering.governance;

import java.util.List;

import com.acme.tiering.ruleset.Finding;

/** An upload refused before anything was read or stored: too many, too large or badly named files. */
public class UploadRefused extends RuntimeException {

    /** What an upload past the multipart limits (spring.servlet.multipart) is told, on the API and on the pages. */
    public static final String TOO_LARGE = "The upload is larger than allowed: a rule file may be at most 5 MB and "
            + "one upload at most 30 MB; rule files are small, so check it is the right file";

    private final List<Finding> findings;
    private final boolean tooLarge;

    UploadRefused(List<Finding> findings, boolean tooLarge) {
        super(String.join("; ", findings.stream().map(Finding::toString).toList()));
        this.findings = List.copyOf(findings);
        this.tooLarge = tooLarge;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** A file was over the size limit (413), rather than a bad name or count (400). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
