package com.nemorouter.console.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.membership.EditResult;
import com.nemorouter.console.membership.MembershipEdit;
import com.nemorouter.console.membership.MembershipEdit.Operation;
import com.nemorouter.console.membership.MembershipEdit.Scope;

/**
 * {@code members add|role|remove}: the membership edits of the UI, through the same service, for
 * onboarding many users and for automation. Prints one line per changed row on stdout (nothing else),
 * notes on stderr. Exit 0 done, 2 bad input (nothing written), 1 database failure (nothing written).
 */
public final class MembersCommand implements Command<MembersCommand.Request> {

    static final String CACHE_NOTE = "note: a running LiteLLM proxy may serve its cached membership until its "
            + "cache entry expires (direct database writes bypass its cache eviction).";

    @Override
    public String name() {
        return "members";
    }

    @Override
    public String usage() {
        return "members add|role|remove --org <uuid>|--team <uuid> --user <uuid|email> [--user ...] "
                + "[--role <role>] [--keep-teams] [--add-to-org] [--dry-run]";
    }

    @Override
    public List<String> details() {
        return List.of(
                "add | role | remove   the edit, as the window makes it: one transaction under LiteLLM's lock, audited",
                "--org <uuid>          edit the organization's members (or --team <uuid>: the team's roster)",
                "--user <uuid|email>   the user; repeat for several users in one transaction",
                "--role <role>         the role to give: org roles such as internal_user, team roles admin or user",
                "--keep-teams          remove --org only: keep the user in the org's teams",
                "--add-to-org          add --team only: also add a user outside the team's organization to it",
                "--dry-run             print the plan, write nothing",
                "Prints one line per changed row on standard output, notes on standard error.");
    }

    /** The parsed arguments. */
    record Request(MembershipEdit edit, boolean dryRun) {
    }


    @Override
    public Request parse(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("members needs an action: add, role or remove");
        }
        Operation operation = switch (args.get(0)) {
            case "add" -> Operation.ADD;
            case "role" -> Operation.ROLE;
            case "remove" -> Operation.REMOVE;
            default -> throw new UsageException("unknown members action " + args.get(0) + "; use add, role or remove");
        };
        String org = null;
        String team = null;
        String role = null;
        List<String> users = new ArrayList<>();
        boolean keepTeams = false;
        boolean addToOrg = false;
        boolean dryRun = false;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--org" -> org = value(args, ++i, arg);
                case "--team" -> team = value(args, ++i, arg);
                case "--user" -> users.add(value(args, ++i, arg));
                case "--role" -> role = value(args, ++i, arg);
                case "--keep-teams" -> keepTeams = true;
                case "--add-to-org" -> addToOrg = true;
                case "--dry-run" -> dryRun = true;
                default -> throw new UsageException("unexpected argument " + arg + " for members " + args.get(0));
            }
        }
        if ((org == null) == (team == null)) {
            throw new UsageException("give exactly one of --org <uuid> or --team <uuid>");
        }
        if (keepTeams && (team != null || operation != Operation.REMOVE)) {
            throw new UsageException("--keep-teams applies to members remove --org only");
        }
        if (addToOrg && (org != null || operation != Operation.ADD)) {
            throw new UsageException("--add-to-org applies to members add --team only");
        }
        if (operation == Operation.REMOVE && role != null) {
            throw new UsageException("members remove takes no --role");
        }
        try {
            Scope scope = org != null ? Scope.ORGANIZATION : Scope.TEAM;
            return new Request(new MembershipEdit(scope, operation, org != null ? org : team, users, role,
                    scope == Scope.ORGANIZATION && operation == Operation.REMOVE && !keepTeams, addToOrg), dryRun);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String value(List<String> args, int index, String option) throws UsageException {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    /** Service refusals (unknown ids, membership state) propagate as IllegalArgumentException: exit 2. */
    @Override
    public int run(ConsoleServices services, Request request, PrintStream out, PrintStream err) {
        EditResult result = services.membership().apply(request.edit(), request.dryRun());
        String prefix = result.dryRun() ? "plan: " : "";
        result.lines().forEach(line -> out.println(prefix + line));
        if (result.dryRun()) {
            err.println("dry run: nothing was written.");
        } else {
            err.println(result.auditNote());
            err.println(CACHE_NOTE);
        }
        return 0;
    }
}
