package com.acme.tiering.demo;

/** The demo dataset has just been written to an empty database. */
public record DemoDataLoaded(int customers, long orders, long interactions) {
}
