package com.acme.tiering.web;

/** Something a page address names does not exist, said in words: "There is no ruleset version 42." */
class PageNotFound extends RuntimeException {

    PageNotFound(String message) {
        super(message);
    }
}
