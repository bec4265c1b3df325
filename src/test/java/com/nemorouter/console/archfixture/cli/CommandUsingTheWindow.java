package com.nemorouter.console.archfixture.cli;

import com.nemorouter.console.archfixture.app.WindowRunningACommand;

/** A command that reaches the window's composition root for its services. */
public class CommandUsingTheWindow {
    WindowRunningACommand window;
}
