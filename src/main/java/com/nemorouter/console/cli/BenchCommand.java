package com.nemorouter.console.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.bench.BenchDataset;
import com.nemorouter.console.bench.Benchmark;
import com.nemorouter.console.bench.DbaIndexes;
import com.nemorouter.console.connection.ConnectionSettings;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.LaunchOptions;

/**
 * {@code bench [--scale <orgs>] [--runs N] [--only op,..] [--reset] [--json]}: times each console operation against its
 * plain-JDBC floor. Without {@code --url} it generates (once) and uses its own embedded database in
 * {@code ~/.nemo-console/bench}; with {@code --url} it only reads (the edit is a dry run, rolled back).
 * Progress goes to stderr, the table or JSON to stdout. Exit 0, or 1 when the database fails.
 */
public final class BenchCommand implements Command<BenchCommand.Arguments> {

    public static final int DEFAULT_SCALE = 100_000;
    public static final int DEFAULT_RUNS = 5;

    /** @param only the operations to time; empty for all */
    public record Arguments(int scale, int runs, boolean reset, boolean json, List<String> only) {
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "bench [--scale <orgs>] [--runs N] [--only op,..] [--reset] [--json]  time each operation against its plain-SQL floor";
    }

    @Override
    public Arguments parse(List<String> args) throws UsageException {
        int scale = DEFAULT_SCALE;
        int runs = DEFAULT_RUNS;
        boolean reset = false;
        boolean json = false;
        List<String> only = List.of();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--json" -> json = true;
                case "--reset" -> reset = true;
                case "--scale" -> scale = number(args, ++i, "--scale", 10, 10_000_000);
                case "--runs" -> runs = number(args, ++i, "--runs", 1, 1000);
                case "--only" -> {
                    if (++i >= args.size()) {
                        throw new UsageException("--only needs operation names, e.g. --only search,open_org");
                    }
                    only = List.of(args.get(i).split(","));
                    for (String name : only) {
                        if (!Benchmark.OPERATIONS.contains(name)) {
                            throw new UsageException("unknown operation " + name + "; known: " + String.join(", ", Benchmark.OPERATIONS));
                        }
                    }
                }
                default -> throw new UsageException("bench does not take " + arg
                        + "; use --scale <orgs>, --runs N, --only <operations>, --reset, --json");
            }
        }
        return new Arguments(scale, runs, reset, json, only);
    }

    private static int number(List<String> args, int index, String option, int min, int max) throws UsageException {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a number");
        }
        try {
            int value = Integer.parseInt(args.get(index));
            if (value < min || value > max) {
                throw new UsageException(option + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, not " + args.get(index));
        }
    }

    @Override
    public int open(Connector connector, LaunchOptions options, Arguments arguments, PrintStream out, PrintStream err) {
        if (!options.usesDemo()) {
            return Command.super.open(connector, options, arguments, out, err);
        }
        try (BenchDataset dataset = BenchDataset.start(connector.home().directory().resolve("bench"), arguments.scale(),
                arguments.reset(), err);
             Database database = Database.open(dataset.target(), options.settings() == null ? ConnectionSettings.DEFAULT
                     : options.settings())) {
            return run(ConsoleServices.wire(database, connector.home()), arguments, out, err, "embedded");
        }
    }

    @Override
    public int run(ConsoleServices services, Arguments arguments, PrintStream out, PrintStream err) {
        return run(services, arguments, out, err, "url");
    }

    private int run(ConsoleServices services, Arguments arguments, PrintStream out, PrintStream err, String source) {
        Benchmark benchmark = new Benchmark(services);
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("source", source);
        dataset.putAll(benchmark.dataset());
        err.println("bench: " + dataset);
        List<Benchmark.Operation> chosen = benchmark.operations().stream()
                .filter(operation -> arguments.only().isEmpty() || arguments.only().contains(operation.name())).toList();
        List<Benchmark.Result> results = benchmark.run(chosen, arguments.runs(), err);
        // Only on the generated dataset: with --url the benchmark never writes, so it adds no index.
        List<Benchmark.Result> indexed = source.equals("embedded")
                ? benchmark.withDbaIndexes(chosen, arguments.runs(), err) : List.of();
        if (arguments.json()) {
            List<Map<String, Object>> operations = new ArrayList<>();
            for (Benchmark.Result result : results) {
                Map<String, Object> operation = new LinkedHashMap<>();
                operation.put("operation", result.operation());
                operation.put("console_ms", result.error() != null ? null : round(result.consoleMedianMs()));
                operation.put("floor_ms", result.floorMedianMs() == null ? null : round(result.floorMedianMs()));
                operation.put("ratio", result.ratio() == null ? null : round(result.ratio()));
                operation.put("runs", result.runs());
                operation.put("console_p95_ms", result.error() != null ? null : round(result.consoleP95Ms()));
                operation.put("floor_p95_ms", result.floorP95Ms() == null ? null : round(result.floorP95Ms()));
                if (result.error() != null) {
                    operation.put("error", result.error());
                }
                operations.add(operation);
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("dataset", dataset);
            document.put("operations", operations);
            if (!indexed.isEmpty()) {
                List<Map<String, Object>> gains = new ArrayList<>();
                for (Benchmark.Result with : indexed) {
                    Benchmark.Result without = results.stream().filter(r -> r.operation().equals(with.operation())).findFirst().orElseThrow();
                    Map<String, Object> gain = new LinkedHashMap<>();
                    gain.put("operation", with.operation());
                    gain.put("console_ms", without.error() != null ? null : round(without.consoleMedianMs()));
                    gain.put("console_ms_with_indexes", with.error() != null ? null : round(with.consoleMedianMs()));
                    gain.put("floor_ms_with_indexes", with.floorMedianMs() == null ? null : round(with.floorMedianMs()));
                    gains.add(gain);
                }
                Map<String, Object> indexGains = new LinkedHashMap<>();
                indexGains.put("indexes", dbaIndexes(services));
                indexGains.put("operations", gains);
                document.put("index_gains", indexGains);
            }
            JsonOutput.print(out, document);
        } else {
            out.printf(Locale.ROOT, "%-17s %12s %12s %12s %12s %7s%n", "operation", "console ms", "console p95",
                    "floor ms", "floor p95", "ratio");
            for (Benchmark.Result result : results) {
                if (result.error() != null) {
                    out.printf(Locale.ROOT, "%-17s failed: %s%n", result.operation(), result.error());
                    continue;
                }
                out.printf(Locale.ROOT, "%-17s %12.1f %12.1f %12s %12s %7s%n", result.operation(), result.consoleMedianMs(),
                        result.consoleP95Ms(), format(result.floorMedianMs()), format(result.floorP95Ms()),
                        result.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f×", result.ratio()));
            }
            out.println("(median and p95 of " + arguments.runs() + " interleaved runs after warming up each side for "
                    + Benchmark.WARM_UP_MILLIS + " ms, at least once)");
            if (!indexed.isEmpty()) {
                out.println();
                out.println("with the indexes a DBA may add (the console never creates them):");
                dbaIndexes(services).forEach(index -> out.println("  " + index + ";"));
                for (Benchmark.Result with : indexed) {
                    Benchmark.Result without = results.stream().filter(r -> r.operation().equals(with.operation())).findFirst().orElseThrow();
                    out.printf(Locale.ROOT, "%-17s %12.1f -> %.1f ms (floor %s ms)%n", with.operation(), without.consoleMedianMs(),
                            with.consoleMedianMs(), format(with.floorMedianMs()));
                }
            }
        }
        return 0;
    }

    private static String format(Double millis) {
        return millis == null ? "-" : String.format(Locale.ROOT, "%.1f", millis);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The index statements with this connection's schema names, as a DBA would paste them. */
    private static List<String> dbaIndexes(ConsoleServices services) {
        return DbaIndexes.INDEXES.stream().map(services.database().target().schemas()::resolve).toList();
    }
}
