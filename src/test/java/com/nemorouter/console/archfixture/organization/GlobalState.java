package com.nemorouter.console.archfixture.organization;

/** A lazily set singleton: mutable static state. */
public class GlobalState {
    static GlobalState instance;
}
