package com.nemorouter.console.diagnosis;

/** One check's result with one sentence saying what the database holds. */
public record CheckLine(CheckId check, Outcome result, String detail) {
}
