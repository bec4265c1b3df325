package com.nemorouter.console.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.integrity.LocateResult;
import com.nemorouter.console.integrity.LocatedEntity;
import com.nemorouter.console.integrity.LocateService;
import com.nemorouter.console.presence.PresenceEntry;

/**
 * {@code locate <id> [--json]}: every table that refers to an id. Exit 0 when the search ran (found or
 * not), 2 for input that cannot be an id. Large unindexed tables are listed as not searched
 * ({@code "rows": null} in JSON).
 */
public final class LocateCommand implements Command<LocateCommand.Arguments> {

    @Override
    public String name() {
        return "locate";
    }

    @Override
    public String usage() {
        return "locate <id> [--json]       every table that refers to a UUID, LiteLLM user id, email or key hash";
    }

    @Override
    public List<String> details() {
        return List.of(
                "<id>    " + LocateService.VALID_ID_HINT,
                "--json  print an array of {\"schema\", \"table\", \"column\", \"role\", \"rows\"}; rows is null",
                "        for a large unindexed column that was not searched",
                "Exits 0 when the search ran, whether or not the id was found.");
    }


    @Override
    public Arguments parse(List<String> args) throws UsageException {
        ValueAndJson parsed = ValueAndJson.parse("locate", args, "locate needs an id: " + LocateService.VALID_ID_HINT);
        try {
            LocateService.validate(parsed.value());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new Arguments(parsed.value(), parsed.json());
    }

    @Override
    public int run(ConsoleServices services, Arguments arguments, PrintStream out, PrintStream err) {
        LocateResult result = services.locate().locate(arguments.id(), Set.of());
        List<PresenceEntry> listed = new ArrayList<>(result.found());
        listed.addAll(result.skipped());
        listed.addAll(result.hidden());
        if (arguments.json()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PresenceEntry place : listed) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("schema", place.schema());
                row.put("table", place.table());
                row.put("column", place.column());
                row.put("role", place.role());
                row.put("rows", place.rows() < 0 ? null : place.rows());
                rows.add(row);
            }
            JsonOutput.print(out, rows);
            return 0;
        }
        out.println("id: " + result.searchedAs() + " (" + describe(result.kind()) + ")");
        if (result.found().isEmpty()) {
            out.println("found in no table");
        }
        for (PresenceEntry place : listed) {
            out.printf("%-55s %-12s %s%n", place.qualifiedTable() + "." + place.column(), place.role(),
                    place.describeCount());
        }
        for (LocatedEntity entity : result.entities()) {
            out.println("names " + entity.label());
        }
        return 0;
    }

    private static String describe(LocateResult.Kind kind) {
        return switch (kind) {
            case UUID -> "UUID";
            case KEY_HASH -> "key hash";
            case TEXT -> "LiteLLM user id or email";
        };
    }

    record Arguments(String id, boolean json) {
    }
}
