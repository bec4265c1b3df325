package com.nemorouter.console.cli;

import java.io.PrintStream;
import java.util.List;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.connection.SchemaReport;
import com.nemorouter.console.connection.ServerInfo;

/**
 * {@code check}: connect, print the schema contract per feature and whether the session can write, then
 * read through the same services as the UI and print the ready line. Exits 1 without the census when a
 * table some feature needs is missing.
 */
public final class CheckCommand implements Command<Void> {

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String usage() {
        return "check                      connect, print the schema report, read-only state and 'ready: N organizations, M teams, K users'";
    }

    @Override
    public List<String> details() {
        return List.of(
                "The schema report says per feature: available, degraded or unavailable, and what is missing.",
                "A missing table that some feature needs ends with 'not ready: missing <table>' and exit code 1.");
    }

    @Override
    public Void parse(List<String> args) throws UsageException {
        if (!args.isEmpty()) {
            throw new UsageException("unexpected argument " + args.get(0) + " for check");
        }
        return null;
    }

    @Override
    public int run(ConsoleServices services, Void arguments, PrintStream out, PrintStream err) {
        ServerInfo server = services.connection().describe();
        out.println("connected: " + server.target() + " (" + server.serverVersion() + ", role "
                + server.databaseRole() + ", TLS: " + server.tlsDescription() + ", sslmode "
                + services.database().target().sslMode().spelling() + ")");
        SchemaReport report = services.database().schemaReport();
        report.lines().forEach(out::println);
        out.println(services.connection().writeAccess().line());
        if (!report.missingTables().isEmpty()) {
            out.println("not ready: missing " + String.join(", ", report.missingTables()));
            return 1;
        }
        if (report.rowSecurity().hidesAny()) {
            // Counts over a hidden table would be zeros that look real.
            out.println("not ready: row-level security hides " + String.join(", ", report.rowSecurity().hidden().stream()
                    .map(table -> table.qualified()).toList()) + " from role " + report.rowSecurity().role());
            return 1;
        }
        out.println(services.census().census().readyLine());
        // A feature the schema makes unavailable (browsing or editing) is a failure; read-only is not.
        return report.anyUnavailable() ? 1 : 0;
    }
}
