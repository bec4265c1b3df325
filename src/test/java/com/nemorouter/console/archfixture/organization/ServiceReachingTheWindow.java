package com.nemorouter.console.archfixture.organization;

import com.nemorouter.console.archfixture.app.WindowRunningACommand;

/** A feature that depends on an entry point. */
public class ServiceReachingTheWindow {
    WindowRunningACommand window;
}
