package com.acme.tiering.demo;

import java.io.Console;
import java.io.PrintStream;
import java.util.function.LongSupplier;

import com.acme.tiering.demo.DemoDataWriter.Written;

/**
 * Customers done out of the total, rows per second and the time left: one line redrawn in place on a
 * terminal, a plain line every few seconds when the output goes to a file or a pipe.
 */
final class GenerationProgress {

    private static final int BAR = 30;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LINE_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final long total;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long started;
    private long shownAt;
    private long customers;
    private long orders;
    private long interactions;

    GenerationProgress(PrintStream out, long total, boolean terminal, LongSupplier nanoTime) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.shownAt = started;
    }

    /** Whether standard output is a terminal, where a line can be redrawn with a carriage return. */
    static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected, and says so here.
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        }
        catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }

    synchronized void advance(Written written) {
        customers += written.customers();
        orders += written.orders();
        interactions += written.interactions();
        long now = nanoTime.getAsLong();
        if (now - shownAt >= (terminal ? REDRAW_NANOS : LINE_NANOS)) {
            shownAt = now;
            show(now, false);
        }
    }

    /** The final state of the bar, then the summary line. */
    synchronized Written finish() {
        long now = nanoTime.getAsLong();
        show(now, true);
        double seconds = seconds(now);
        out.printf("Generated %,d customers, %,d orders, %,d interactions (%,d rows) in %.1f s: %,.0f rows/s%n",
                customers, orders, interactions, rows(), seconds, rows() / Math.max(seconds, 0.001));
        return new Written((int) Math.min(Integer.MAX_VALUE, customers), orders, interactions);
    }

    private void show(long now, boolean last) {
        double seconds = seconds(now);
        double rate = rows() / Math.max(seconds, 0.001);
        double done = (double) customers / total;
        int filled = (int) (done * BAR);
        String bar = "=".repeat(filled) + (filled < BAR ? ">" + " ".repeat(BAR - filled - 1) : "");
        String eta = customers == 0 ? "?" : duration((long) (seconds / done - seconds));
        String line = String.format("[%s] %3d%% %,d/%,d customers  %,.0f rows/s  ETA %s", bar, (int) (done * 100),
                customers, total, rate, last ? "0s" : eta);
        if (terminal) {
            out.print("\r" + line + "   " + (last ? System.lineSeparator() : ""));
        }
        else {
            out.println(line);
        }
        out.flush();
    }

    private long rows() {
        return customers + orders + interactions;
    }

    private double seconds(long now) {
        return (now - started) / 1e9;
    }

    private static String duration(long seconds) {
        return seconds >= 60 ? (seconds / 60) + "m " + (seconds % 60) + "s" : seconds + "s";
    }
}
