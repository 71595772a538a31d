package com.acme.tiering.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import com.acme.tiering.demo.DemoCustomer.Interaction;

/** Contacts, tickets, complaints, surveys and referrals, with some silent, unhappy or noisy customers. */
final class DemoInteractions {

    private final SplittableRandom random;
    private final LocalDate today;
    private final List<Interaction> interactions = new ArrayList<>();

    DemoInteractions(SplittableRandom random, LocalDate today) {
        this.random = random;
        this.today = today;
    }

    List<Interaction> forArchetype(Archetype archetype, boolean buyer) {
        if (!buyer && random.nextInt(2) == 0) {
            return List.of();
        }
        boolean keyAccount = archetype == Archetype.STRATEGIC || archetype == Archetype.KEY
                || archetype == Archetype.KEY_IRREGULAR;
        // Key accounts are visited often, except the third that has gone silent (no contact for 61+ days).
        int quietFor = keyAccount ? (random.nextInt(3) == 0 ? between(61, 200) : between(1, 30)) : between(1, 200);
        contacts(quietFor, keyAccount ? between(15, 40) : between(40, 150));
        if (random.nextInt(100) < 7 && quietFor < 60) {
            repeat(between(2, 3), () -> add(between(quietFor, 80), "COMPLAINT", false, null));
        }
        else if (random.nextInt(10) == 0) {
            add(between(Math.max(quietFor, 91), 700), "COMPLAINT", false, null);
        }
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
        interactions.sort(Comparator.comparing(Interaction::date));
        List<Interaction> numbered = new ArrayList<>(interactions.size());
        for (int i = 0; i < interactions.size(); i++) {
            Interaction it = interactions.get(i);
            numbered.add(new Interaction(String.format("INT-%04d", i + 1), it.date(), it.type(), it.resolved(),
                    it.score()));
        }
        return numbered;
    }

    private void contacts(int newest, int gap) {
        for (int daysAgo = newest; daysAgo <= 700; daysAgo += Math.max(1, (int) (gap * (0.6 + 0.8 * random.nextDouble())))) {
            add(daysAgo, random.nextBoolean() ? "VISIT" : "CALL", false, null);
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
        interactions.add(new Interaction(null, today.minusDays(daysAgo), type, resolved, score));
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
