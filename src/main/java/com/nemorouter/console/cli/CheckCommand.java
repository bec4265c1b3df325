package com.nemorouter.console.cli;

import java.io.PrintStream;
import java.util.List;

import com.nemorouter.console.app.ConsoleServices;
import com.nemorouter.console.connection.ServerInfo;

/** {@code check}: connect, read through the same services as the UI, print the ready line. */
public final class CheckCommand implements Command {

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String usage() {
        return "check                      connect and print 'ready: N organizations, M teams, K users'";
    }

    @Override
    public int run(ConsoleServices services, List<String> args, PrintStream out, PrintStream err) {
        ServerInfo server = services.connection().describe();
        out.println("connected: " + server.target() + " (" + server.serverVersion() + ", role "
                + server.databaseRole() + ")");
        out.println(services.census().census().readyLine());
        return 0;
    }
}
