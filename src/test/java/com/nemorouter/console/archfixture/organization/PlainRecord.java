package com.nemorouter.console.archfixture.organization;

/** A feature's record, which the entities must not know. */
public record PlainRecord(String name) {
}
