package com.acme.tiering.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import com.acme.tiering.demo.DemoCustomer.Interaction;

/** Contacts, tickets, complaints, surveys and referrals, with some silent, unhappy or noisy customers. */
final class DemoInteractions {

    private final SplittableRandom random;
    private final SeasonalCalendar calendar;
    private final List<Interaction> interactions = new ArrayList<>();

    DemoInteractions(SplittableRandom random, SeasonalCalendar calendar) {
        this.random = random;
        this.calendar = calendar;
    }

    List<Interaction> forArchetype(Archetype archetype, boolean buyer) {
        if (!buyer && random.nextInt(2) == 0) {
            return List.of();
        }
        int quietFor = quietFor(archetype);
        boolean keyAccount = archetype.size == Archetype.Size.LARGE || archetype == Archetype.KEY;
        contacts(quietFor, keyAccount ? between(15, 40) : between(40, 150));
        complaints(quietFor);
        repeat(between(0, 4), () -> add(between(Math.max(quietFor, 30), 700), "SUPPORT_TICKET", true, null));
        if (random.nextInt(100) < 5) {
            repeat(between(3, 4), () -> add(between(quietFor, 120), "SUPPORT_TICKET", false, null));
        }
        if (random.nextInt(2) == 0) {
            surveys(quietFor);
        }
        if (random.nextInt(10) == 0) {
            add(between(quietFor, 300), "REFERRAL", false, null);
        }
        return numbered();
    }

    /**
     * Days since the customer was last heard of. Key accounts are visited often, except the third that has
     * gone silent (no contact for 61+ days); dormant and lost accounts have been silent for months.
     */
    private int quietFor(Archetype archetype) {
        return switch (archetype) {
            case STRATEGIC, KEY_IRREGULAR, KEY -> random.nextInt(3) == 0 ? between(61, 200) : between(1, 30);
            case DORMANT, LOST -> between(150, 400);
            default -> between(1, 200);
        };
    }

    /**
     * Bursts of two to five complaints within a few weeks: recent ones (COMPLAINT_BURST now) for about 7% of
     * customers heard of lately, past ones for 5%; otherwise an odd complaint long ago for a tenth.
     */
    private void complaints(int quietFor) {
        if (random.nextInt(100) < 7 && quietFor < 50) {
            burst(between(quietFor, 50));
        }
        else if (random.nextInt(100) < 5) {
            burst(between(Math.max(quietFor, 120), 600));
        }
        else if (random.nextInt(10) == 0) {
            add(between(Math.max(quietFor, 91), 700), "COMPLAINT", false, null);
        }
    }

    private void burst(int newest) {
        int weeks = between(1, 5);
        add(newest, "COMPLAINT", false, null);
        repeat(between(1, 4), () -> add(newest + between(1, weeks * 7), "COMPLAINT", false, null));
    }

    private List<Interaction> numbered() {
        interactions.sort(Comparator.comparing(Interaction::date));
        List<Interaction> numbered = new ArrayList<>(interactions.size());
        for (int i = 0; i < interactions.size(); i++) {
            Interaction it = interactions.get(i);
            numbered.add(new Interaction(DemoDataGenerator.padded("INT-", i + 1, 4), it.date(), it.type(),
                    it.resolved(), it.score()));
        }
        return numbered;
    }

    private void contacts(int newest, int gap) {
        int daysAgo = newest;
        while (daysAgo <= 700) {
            add(daysAgo, random.nextBoolean() ? "VISIT" : "CALL", false, null);
            daysAgo += Math.max(1, (int) (gap * (0.6 + 0.8 * random.nextDouble())));
        }
    }

    /** One to three surveys; about a fifth of customers answer the latest as detractors (0–6). */
    private void surveys(int quietFor) {
        int count = between(1, 3);
        boolean detractor = random.nextInt(5) == 0;
        for (int i = 0; i < count; i++) {
            boolean latest = i == 0;
            int score = latest && detractor ? between(0, 6) : between(7, 10);
            add(quietFor + 1 + i * between(90, 150), "NPS_SURVEY", false, score);
        }
    }

    private void add(int daysAgo, String type, boolean resolved, Integer score) {
        interactions.add(new Interaction(null, calendar.date(daysAgo), type, resolved, score));
    }

    private void repeat(int times, Runnable action) {
        for (int i = 0; i < times; i++) {
            action.run();
        }
    }

    private int between(int low, int high) {
        return low + random.nextInt(Math.max(1, high - low + 1));
    }
}
