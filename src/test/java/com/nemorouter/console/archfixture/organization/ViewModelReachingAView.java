package com.nemorouter.console.archfixture.organization;

/** A view model that holds its view. */
public class ViewModelReachingAView {
    SomeView view;
}
