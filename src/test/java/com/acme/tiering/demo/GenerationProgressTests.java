package com.acme.tiering.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.acme.tiering.demo.DemoDataWriter.Written;

class GenerationProgressTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();

    private GenerationProgress progress(boolean terminal) {
        return new GenerationProgress(new PrintStream(out, true, StandardCharsets.UTF_8), 1000, terminal, nanos::get);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalRedrawsOneLineWithCustomersRateAndTimeLeft() {
        GenerationProgress progress = progress(true);
        nanos.set(1_000_000_000L);
        progress.advance(new Written(250, 2000, 750));

        assertThat(output()).startsWith("\r[=======>").contains(" 25% 250/1,000 customers  3,000 rows/s  ETA 3s")
                .doesNotContain("\n");
    }

    @Test
    void elsewherePrintsAPlainLineEveryFewSecondsAndASummaryAtTheEnd() {
        GenerationProgress progress = progress(false);
        nanos.set(1_000_000_000L);
        progress.advance(new Written(100, 1000, 400));
        assertThat(output()).isEmpty();
        nanos.set(6_000_000_000L);
        progress.advance(new Written(400, 4000, 1600));
        nanos.set(10_000_000_000L);
        progress.advance(new Written(500, 5000, 2000));
        progress.finish();

        assertThat(output()).doesNotContain("\r").contains(" 50% 500/1,000 customers  1,250 rows/s  ETA 6s\n")
                .contains("100% 1,000/1,000 customers").contains("Generated 1,000 customers, 10,000 orders, "
                        + "4,000 interactions (15,000 rows) in 10.0 s: 1,500 rows/s");
    }
}
