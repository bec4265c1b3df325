package com.nemorouter.console;

import java.util.Arrays;
import java.util.List;

import com.nemorouter.console.about.Versions;
import com.nemorouter.console.app.NemoConsoleApplication;
import com.nemorouter.console.cli.CommandLine;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Connector;

import javafx.application.Application;

/**
 * Plain {@code main} for the classpath jar (and the jpackage launcher): {@code --version}, help, commands
 * and mistakes are answered on the terminal without a display; only options alone (or nothing) open the window.
 * It is not the Application class, so the JavaFX launcher check for modules does not apply.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--version")) {
            Versions.ofRuntime().lines().forEach(System.out::println);
            System.exit(0);
        }
        if (!CommandLine.opensWindow(arguments)) {
            int exitCode = new CommandLine(() -> new Connector(ConsoleHome.fromSystem()), System.out, System.err)
                    .run(arguments, System.getenv());
            System.exit(exitCode);
        }
        Application.launch(NemoConsoleApplication.class, args);
    }
}
