package com.acme.tiering.api;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import com.acme.tiering.api.ApiExceptionHandler.FieldProblem;
import com.acme.tiering.facts.CustomerFacts;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A request body the service could not read, said as the client wrote it: the field ({@code orders[2].amount}) and
 * what is wrong with its value, never the Java type behind it.
 */
final class JsonProblems {

    private static final Map<String, String> KINDS = Map.of("BigDecimal", "number", "Integer", "whole number",
            "int", "whole number", "Long", "whole number", "long", "whole number", "Boolean", "true or false",
            "boolean", "true or false", "String", "text", "LocalDate", "date (YYYY-MM-DD)",
            "Instant", "instant (e.g. 2026-12-31T23:59:59Z)");

    private JsonProblems() {
    }

    static ProblemDetail of(JacksonException json) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Unreadable request body");
        String field = json == null ? null : path(json);
        boolean named = field != null && !field.isEmpty();
        if (json instanceof StreamConstraintsException) {
            // the parser's limits know no field: they stop a body before it is bound to anything
            problem.setDetail("The request body is nested deeper, or holds a longer text, number or name, than this "
                    + "service accepts (at most " + JsonLimits.MAX_NESTING_DEPTH + " levels of nesting, "
                    + JsonLimits.MAX_NUMBER_LENGTH + " characters in a number)");
        }
        else if (json instanceof InputCoercionException && named) {
            field(problem, field, "is out of range for a whole number");
        }
        else if (json instanceof StreamReadException syntax) {
            problem.setDetail("The request body is not well-formed JSON"
                    + (syntax.getLocation() == null ? "" : " (line " + syntax.getLocation().getLineNr() + ", column "
                            + syntax.getLocation().getColumnNr() + ")"));
        }
        else if (!named) {
            problem.setDetail("The request body is missing or is not well-formed JSON");
        }
        else {
            field(problem, field, message(json));
        }
        return problem;
    }

    private static void field(ProblemDetail problem, String field, String message) {
        // the body was read; one of its values is wrong, as with any other invalid field
        problem.setTitle("Invalid request");
        problem.setDetail(field + ": " + message);
        problem.setProperty("errors", List.of(new FieldProblem(field, message)));
    }

    /** The JSON path of the failing value in the notation the validation messages use: orders[2].amount. */
    private static String path(JacksonException json) {
        if (json.getPath().isEmpty() && json instanceof StreamReadException read && read.processor() != null) {
            // A number too long or out of range fails in the parser, which knows where it is but keeps no path.
            try {
                return path(read.processor().streamReadContext());
            }
            catch (RuntimeException closed) {
                return null;
            }
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String path(TokenStreamContext context) {
        String path = "";
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.currentName() != null) {
                path = at.currentName() + (path.isEmpty() || path.startsWith("[") ? path : "." + path);
            }
            else if (at.inArray()) {
                path = "[" + Math.max(0, at.getCurrentIndex()) + "]" + (path.isEmpty() || path.startsWith("[")
                        ? path : "." + path);
            }
        }
        return path;
    }

    private static String message(JacksonException json) {
        if (json instanceof UnrecognizedPropertyException unknown) {
            boolean facts = unknown.getReferringClass() == CustomerFacts.class;
            return "is not a known " + (facts ? "fact" : "field") + closest(unknown.getPropertyName(),
                    unknown.getKnownPropertyIds()).map(name -> "; did you mean '" + name + "'?").orElse("");
        }
        if (json instanceof JsonLimits.TooManyDigits) {
            return "has more digits than this service accepts (at most " + JsonLimits.MAX_DIGITS + ")";
        }
        if (json instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            Class<?> type = invalid.getTargetType();
            Object value = invalid.getValue();
            String given = value instanceof String ? "'" + value + "'" : String.valueOf(value);
            if (type.isEnum()) {
                return (value instanceof String ? given + " is not one of " : "must be one of ")
                        + Arrays.toString(type.getEnumConstants()) + (value instanceof String ? "" : " as a text, not "
                                + given);
            }
            String kind = KINDS.getOrDefault(type.getSimpleName(), type.getSimpleName());
            return value instanceof String ? given + " is not a valid " + kind
                    : "must be a " + kind + ", not " + given;
        }
        if (json instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            String kind = KINDS.get(mismatched.getTargetType().getSimpleName());
            if (kind != null) {
                return "must be a " + kind;
            }
        }
        return "has a value of the wrong type or form";
    }

    /** The known name the client most likely meant: the same but for case, or at most two letters apart. */
    static Optional<String> closest(String given, Collection<Object> known) {
        if (given == null || known == null) {
            return Optional.empty();
        }
        String lower = given.toLowerCase(Locale.ROOT);
        return known.stream().map(String::valueOf)
                .filter(name -> distance(lower, name.toLowerCase(Locale.ROOT)) <= Math.min(2, given.length() / 3))
                .min(Comparator.comparingInt((String name) -> distance(lower, name.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance, for names of a few dozen characters. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
