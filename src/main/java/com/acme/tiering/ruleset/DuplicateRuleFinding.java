package com.acme.tiering.ruleset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drools' "Duplicate rule name" names one rule and says neither where the other one is nor that a whole file may
 * repeat another's rules. This finding names every place the rule is defined, and pins the one Drools reported
 * to the rule's NAME cell (or DRL line), where renaming it fixes it.
 */
final class DuplicateRuleFinding {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate rule name: (.+)");

    private DuplicateRuleFinding() {
    }

    /** Where a rule is defined: a table row or a DRL line. */
    private record Place(GeneratedDrl drl, int number) {

        String text() {
            return drl.fromTable() ? drl.file() + " › " + drl.sheet() + " › row " + number
                    : drl.file() + " › line " + number;
        }
    }

    /**
     * @param message the error's text without Drools' positions
     * @param line the generated DRL line Drools reported, or null
     * @return empty when the error is not about a duplicate rule name
     */
    static Optional<Finding> of(String message, GeneratedDrl reported, Integer line, Collection<GeneratedDrl> all) {
        Matcher duplicate = DUPLICATE.matcher(message);
        if (!duplicate.matches()) {
            return Optional.empty();
        }
        String name = duplicate.group(1).trim();
        List<Place> places = all.stream().sorted(Comparator.comparing(GeneratedDrl::resourcePath))
                .flatMap(drl -> places(drl, name).stream()).toList();
        Place pinned = pinned(reported, line, places);
        String where = places.size() < 2 ? "twice"
                : (places.size() == 2 ? "twice: " : places.size() + " times: ") + joined(places);
        String hint = "Rule names must be unique across all rule files: rename one of these rules "
                + "(in a decision table, its NAME cell), or remove the file that repeats the other's rules";
        return Optional.of(reported.fromTable()
                ? Finding.error(reported.file(), reported.sheet(), pinned == null ? null
                        : reported.nameCells().get(pinned.number()), null,
                        "The rule name '" + name + "' is used " + where, hint)
                : Finding.error(reported.file(), null, null, pinned == null ? line : Integer.valueOf(pinned.number()),
                        "The rule name '" + name + "' is used " + where, hint));
    }

    /** The place in the reported file: at the reported line, else its last definition (Drools objects to the later). */
    private static Place pinned(GeneratedDrl reported, Integer line, List<Place> places) {
        Integer number = line == null ? null : reported.fromTable() ? CompileErrorMapper.rowAbove(reported.drl(), line)
                : line;
        List<Place> inReported = places.stream().filter(place -> place.drl() == reported).toList();
        return inReported.stream().filter(place -> number != null && place.number() == number).findFirst()
                .orElse(inReported.isEmpty() ? null : inReported.get(inReported.size() - 1));
    }

    private static List<Place> places(GeneratedDrl drl, String name) {
        List<Place> places = new ArrayList<>();
        String quoted = "rule \"" + name + "\"";
        String[] lines = drl.drl().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().startsWith(quoted)) {
                Integer row = drl.fromTable() ? CompileErrorMapper.rowAbove(drl.drl(), i + 1) : Integer.valueOf(i + 1);
                if (row != null) {
                    places.add(new Place(drl, row));
                }
            }
        }
        return places;
    }

    private static String joined(List<Place> places) {
        String all = places.stream().map(Place::text).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " and " + all.substring(last + 2);
    }
}
