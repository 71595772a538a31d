package com.acme.tiering.demo;

import java.time.LocalDate;

/**
 * The days before "today" with how busy each is for buying: series of orders step through busy days, so
 * over any stretch of time customers order in proportion to the month's weight, however long their gaps.
 */
final class SeasonalCalendar {

    /** Relative buying by month, January first, mean 1: quiet in August and at the turn of the year. */
    static final double[] MONTH_WEIGHTS = { 0.80, 0.90, 1.15, 1.00, 1.00, 1.10, 0.85, 0.65, 1.10, 1.15, 1.25, 1.05 };

    private static final int DAYS = 2200;

    private final LocalDate today;
    private final LocalDate[] dates = new LocalDate[DAYS];
    // busyDays[d]: the summed weight of the days 0 .. d-1 before today
    private final double[] busyDays = new double[DAYS + 1];

    SeasonalCalendar(LocalDate today) {
        this.today = today;
        for (int daysAgo = 0; daysAgo < DAYS; daysAgo++) {
            dates[daysAgo] = today.minusDays(daysAgo);
            busyDays[daysAgo + 1] = busyDays[daysAgo] + MONTH_WEIGHTS[dates[daysAgo].getMonthValue() - 1];
        }
    }

    LocalDate date(int daysAgo) {
        return daysAgo < DAYS ? dates[daysAgo] : today.minusDays(daysAgo);
    }

    /** The day further back from {@code daysAgo} by {@code busy} days of average business. */
    int before(int daysAgo, double busy) {
        if (daysAgo >= DAYS) {
            return daysAgo + Math.max(1, (int) busy);
        }
        double target = busyDays[daysAgo] + busy;
        int day = daysAgo + 1;
        while (day < DAYS && busyDays[day] < target) {
            day++;
        }
        return day;
    }
}
