package com.acme.tiering.api;

import java.util.List;

import com.acme.tiering.api.ApiExceptionHandler.FieldProblem;

/** A request body that was read but whose values make no sense; answered 400 naming every offending field. */
class FieldsInvalid extends RuntimeException {

    private final List<FieldProblem> problems;

    FieldsInvalid(List<FieldProblem> problems) {
        super(problems.get(0).field() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
