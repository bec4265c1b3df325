package com.nemorouter.console.archfixture.app;

import com.nemorouter.console.archfixture.cli.CommandUsingTheWindow;

/** The window depending on a command: with CommandUsingTheWindow, a cycle between app and cli. */
public class WindowRunningACommand {
    CommandUsingTheWindow command;
}
