package com.nemorouter.console.bench;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.nemorouter.console.audit.AuditEntry;
import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.integrity.CheckResult;
import com.nemorouter.console.integrity.Finding;
import com.nemorouter.console.integrity.KeyResolution;
import com.nemorouter.console.integrity.LocateResult;
import com.nemorouter.console.member.MemberDetail;
import com.nemorouter.console.member.MemberQueries;
import com.nemorouter.console.member.MemberRow;
import com.nemorouter.console.membership.MembershipEdit;
import com.nemorouter.console.organization.OrganizationDetail;
import com.nemorouter.console.organization.OrganizationListViewModel;
import com.nemorouter.console.organization.OrganizationPage;
import com.nemorouter.console.organization.OrganizationRow;
import com.nemorouter.console.organization.OrganizationService;
import com.nemorouter.console.presence.Presence;
import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.presence.PresenceReport;
import com.nemorouter.console.team.RosterEntry;
import com.nemorouter.console.team.TeamRow;

/**
 * Times each operation two ways in the same run, interleaved: the console's service call exactly as the
 * UI (or CLI) makes it, and its floor ({@link Floors}), plain JDBC returning the same rows. After a
 * warm-up of both ({@link #warmUp}), the two alternate which goes first, so a noisy neighbour on the machine
 * hits both.
 */
public final class Benchmark {

    /** The operation names are a contract (scripts and CI read them). */
    public static final List<String> OPERATIONS = List.of("first_page", "search", "search_uuid", "open_org",
            "open_org_first", "org_members", "open_member", "open_member_first", "team_roster", "locate",
            "locate_email", "key", "audit", "edit", "edit_large_team", "member_counts");

    /** How long each side of an operation runs before it is timed, and at most how many times. */
    public static final int WARM_UP_MILLIS = 250;
    public static final int MAX_WARM_UP_RUNS = 200;

    /** One timed operation and its floor. */
    public record Operation(String name, Supplier<List<List<String>>> console, Supplier<List<List<String>>> floor) {
    }

    /** @param error why the operation could not be timed (a statement timeout, say), or null */
    public record Result(String operation, double consoleMedianMs, double consoleP95Ms, Double floorMedianMs,
                         Double floorP95Ms, int runs, String error) {
        public Double ratio() {
            return error != null || floorMedianMs == null || floorMedianMs <= 0 ? null : consoleMedianMs / floorMedianMs;
        }
    }


    private final ConsoleServices services;
    private final Floors floors;
    private final EditFloor editFloor;
    private final Targets targets;

    public Benchmark(ConsoleServices services) {
        this(services, PresenceQuery.DEFAULT_CHEAP_SCAN_LIMIT);
    }

    /**
     * @param cheapScanLimit the services' presence query's: what the screens' first read leaves pending, so
     *                       the first-paint floors leave the same counts out
     */
    Benchmark(ConsoleServices services, long cheapScanLimit) {
        this.services = services;
        Database database = services.database();
        this.floors = new Floors(database.dataSource(), database.target().schemas(),
                PresenceQuery.DEFAULT_UNINDEXED_SCAN_LIMIT, cheapScanLimit);
        this.editFloor = new EditFloor(new FloorJdbc(database.dataSource(), database.target().schemas()));
        this.targets = DatasetSurvey.targets(database);
    }

    public Targets targets() {
        return targets;
    }

    /** Row counts of the dataset, for the report's {@code dataset} object. */
    public Map<String, Object> dataset() {
        Map<String, Object> dataset = new LinkedHashMap<>(DatasetSurvey.rowCounts(services.database()));
        dataset.put("largest_org_members", targets.largestOrgMembers());
        dataset.put("search_text", targets.searchText());
        dataset.put("uuid_prefix", targets.uuidPrefix());
        targets.edits().forEach((operation, target) -> dataset.put(operation + "_roster_entries", target.rosterEntries()));
        return dataset;
    }

    /** Every operation with its console call and floor, in the contract's order. */
    public List<Operation> operations() {
        int page = OrganizationListViewModel.PAGE_SIZE;
        Set<String> everything = floors.allColumnKeys();
        List<Operation> operations = new ArrayList<>();
        operations.add(new Operation("first_page", () -> keystroke("", page), () -> floors.organizationPage("", page)));
        operations.add(new Operation("search", () -> keystroke(targets.searchText(), page),
                () -> floors.organizationPage(targets.searchText(), page)));
        operations.add(new Operation("search_uuid", () -> keystroke(targets.uuidPrefix(), page),
                () -> floors.organizationPage(targets.uuidPrefix(), page)));
        // The org screen before a click (header, teams, every presence count), its first paint (the cheap part)
        // and its Members tab; the member view whole and its first paint.
        operations.add(new Operation("open_org", () -> organizationScreen(targets.largestOrg()),
                () -> floors.openOrganization(targets.largestOrg(), false)));
        operations.add(new Operation("open_org_first", () -> organizationFirstPaint(targets.largestOrg()),
                () -> floors.openOrganization(targets.largestOrg(), true)));
        operations.add(new Operation("org_members", () -> organizationMembers(targets.largestOrg()),
                () -> floors.organizationMembers(targets.largestOrg(), OrganizationService.MEMBER_LIMIT)));
        operations.add(new Operation("open_member", () -> memberScreen(targets.member()),
                () -> floors.openMember(targets.member(), false)));
        operations.add(new Operation("open_member_first", () -> memberFirstPaint(targets.member()),
                () -> floors.openMember(targets.member(), true)));
        operations.add(new Operation("team_roster", () -> roster(targets.team()), () -> floors.roster(targets.team())));
        operations.add(new Operation("locate", () -> locate(targets.largestOrg(), everything),
                () -> floors.locate(targets.largestOrg())));
        operations.add(new Operation("locate_email", () -> locate(targets.memberEmail(), everything),
                () -> floors.locate(targets.memberEmail())));
        operations.add(new Operation("key", () -> key(targets.keyHash()), () -> floors.key(targets.keyHash())));
        operations.add(new Operation("audit", this::audit, floors::audit));
        // A busy team's add (the 99th percentile of roster size), and the same on the largest org's largest
        // team, whose roster is the largest JSON document LiteLLM rewrites.
        for (Map.Entry<String, Targets.EditTarget> edit : targets.edits().entrySet()) {
            operations.add(new Operation(edit.getKey(), () -> editDryRun(edit.getValue()),
                    () -> editFloor.teamAdd(edit.getValue(), "user")));
        }
        // What the list fills in after a keystroke's page shows: the page's member counts.
        List<String> pageIds = keystroke(targets.searchText(), page).stream().map(row -> row.get(0)).toList();
        operations.add(new Operation("member_counts", () -> memberCounts(pageIds), () -> floors.memberCounts(pageIds)));
        return operations;
    }

    /**
     * Warms each operation up ({@link #warmUp}), then runs it {@code runs} times interleaved with its floor.
     *
     * @param progress one line per operation as it finishes
     */
    public List<Result> run(List<Operation> operations, int runs, PrintStream progress) {
        List<Result> results = new ArrayList<>();
        for (Operation operation : operations) {
            try {
                results.add(time(operation, runs, progress));
            } catch (RuntimeException e) {
                // One failing operation (a statement timeout on a huge table, say) must not hide the others.
                String error = com.nemorouter.console.connection.FailureMessages.describe(operation.name(), e);
                progress.println("bench: " + operation.name() + " failed: " + error);
                results.add(new Result(operation.name(), Double.NaN, Double.NaN, null, null, runs, error));
            }
        }
        return results;
    }

    private Result time(Operation operation, int runs, PrintStream progress) {
        warmUp(operation);
        double[] console = new double[runs];
        double[] floor = new double[runs];
        for (int i = 0; i < runs; i++) {
            if (operation.floor() != null && i % 2 == 1) {
                floor[i] = time(operation.floor());
                console[i] = time(operation.console());
            } else {
                console[i] = time(operation.console());
                if (operation.floor() != null) {
                    floor[i] = time(operation.floor());
                }
            }
        }
        Result result = new Result(operation.name(), percentile(console, 50), percentile(console, 95),
                operation.floor() == null ? null : percentile(floor, 50),
                operation.floor() == null ? null : percentile(floor, 95), runs, null);
        progress.printf(Locale.ROOT, "bench: %-17s console %8.1f ms  floor %s%n", result.operation(),
                result.consoleMedianMs(), result.floorMedianMs() == null ? "-" : String.format(Locale.ROOT, "%8.1f ms", result.floorMedianMs()));
        return result;
    }

    /**
     * Times {@link DbaIndexes#OPERATIONS} again with {@link DbaIndexes#INDEXES} in place, then drops them. Only
     * for the benchmark's own generated database: it writes to the schema.
     */
    public List<Result> withDbaIndexes(List<Operation> operations, int runs, PrintStream progress) {
        return DbaIndexes.timeWith(this, services.database(), operations, runs, progress);
    }

    /**
     * Runs the console call and its floor alternately until each has run for {@link #WARM_UP_MILLIS} (at least
     * once each, at most {@link #MAX_WARM_UP_RUNS} times): one warm-up run of a 2 ms operation would leave the
     * timed runs on code the JIT has not compiled yet, which costs the side with more Java code the most.
     */
    private static void warmUp(Operation operation) {
        double console = 0;
        double floor = operation.floor() == null ? WARM_UP_MILLIS : 0;
        for (int run = 0; run < MAX_WARM_UP_RUNS && (console < WARM_UP_MILLIS || floor < WARM_UP_MILLIS); run++) {
            console += time(operation.console());
            if (operation.floor() != null) {
                floor += time(operation.floor());
            }
        }
    }

    private static double time(Supplier<List<List<String>>> work) {
        long started = System.nanoTime();
        work.get();
        return (System.nanoTime() - started) / 1e6;
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    // ---- the console's calls, as the UI makes them, with their results as rows ----------------------------

    /**
     * One keystroke in the org list, what the user waits for before the list shows: the first page and the
     * match count (OrganizationListViewModel.search); the member counts stream in after ({@code member_counts}).
     */
    List<List<String>> keystroke(String text, int pageSize) {
        OrganizationService.CountedPage first = services.organizations().firstPage(text, pageSize);
        OrganizationPage page = first.page();
        long total = first.total();
        List<List<String>> rows = new ArrayList<>();
        for (OrganizationRow row : page.rows()) {
            rows.add(strings(row.id(), row.name(), row.slug(), row.liteLlmAlias(), row.plan(), inNemo(row.presence()),
                    inLiteLlm(row.presence()), row.teamCount(), row.memberCount(), total));
        }
        return rows;
    }

    List<List<String>> memberCounts(List<String> organizationIds) {
        List<List<String>> rows = new ArrayList<>();
        new java.util.TreeMap<>(services.organizations().memberCounts(organizationIds))
                .forEach((id, count) -> rows.add(strings(id, count)));
        return rows;
    }

    /**
     * The org screen before the user clicks, as the view model reads it: the first read (header, teams, the
     * cheap presence counts), then the counts it left pending. The member list waits for the Members tab.
     */
    List<List<String>> organizationScreen(String organizationId) {
        OrganizationDetail detail = services.organizations().open(organizationId).orElseThrow();
        PresenceReport presence = detail.presence().isComplete() ? detail.presence()
                : detail.presence().withCounts(services.organizations().presenceRest(organizationId));
        return organizationRows(detail, presence);
    }

    /** The org screen's first paint: the first read alone, with its pending counts (-3). */
    List<List<String>> organizationFirstPaint(String organizationId) {
        OrganizationDetail detail = services.organizations().open(organizationId).orElseThrow();
        return organizationRows(detail, detail.presence());
    }

    private static List<List<String>> organizationRows(OrganizationDetail detail, PresenceReport presence) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(strings(detail.nemoName(), detail.slug(), detail.plan(), detail.liteLlmAlias(), detail.authContextOrgId()));
        rows.addAll(presence(presence.entries()));
        for (TeamRow team : detail.teams()) {
            rows.add(strings(team.id(), team.nemoName(), team.liteLlmAlias(), team.nemoOrganizationId(),
                    team.liteLlmOrganizationId(), inNemo(team.presence()), inLiteLlm(team.presence()), team.memberCount()));
        }
        return rows;
    }

    /** The Members tab of the org screen: its member page and total. */
    List<List<String>> organizationMembers(String organizationId) {
        MemberQueries.MembersPage page = services.organizations().members(organizationId);
        List<List<String>> rows = new ArrayList<>();
        for (MemberRow member : page.members()) {
            rows.add(strings(member.userId(), member.email(), member.role(), member.authMatch().name(),
                    member.inUserTable(), member.teams(), member.keyCount(), page.total()));
        }
        return rows;
    }

    /**
     * The member view whole, as its view model reads it: the first read (user, org memberships, cheap presence),
     * the teams from the rosters, then the presence counts left pending.
     */
    List<List<String>> memberScreen(String userId) {
        MemberDetail detail = services.members().open(userId).orElseThrow();
        List<MemberDetail.Team> teams = services.members().teams(userId);
        // The large tables' counts wait for a click on the Presence tab: they stay pending (-3) here.
        List<List<String>> rows = memberRows(detail);
        for (MemberDetail.Team team : teams) {
            rows.add(strings(team.teamId(), team.name(), team.organizationId(), team.role(), team.inUserTeams()));
        }
        rows.addAll(presence(detail.presence().entries()));
        return rows;
    }

    /** The member view's first paint: the user, its org memberships and the cheap presence (pending: -3). */
    List<List<String>> memberFirstPaint(String userId) {
        MemberDetail detail = services.members().open(userId).orElseThrow();
        List<List<String>> rows = memberRows(detail);
        rows.addAll(presence(detail.presence().entries()));
        return rows;
    }

    private static List<List<String>> memberRows(MemberDetail detail) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(strings(detail.authEmail(), detail.fullName(), detail.liteLlmEmail(), detail.globalRole(),
                detail.userTeams().toString(), detail.keyCount(), detail.inAuth(), detail.inLiteLlm()));
        for (MemberDetail.Organization organization : detail.organizations()) {
            rows.add(strings(organization.organizationId(), organization.name(), organization.role()));
        }
        return rows;
    }

    List<List<String>> roster(String teamId) {
        List<List<String>> rows = new ArrayList<>();
        for (RosterEntry entry : services.teams().roster(teamId)) {
            rows.add(strings(entry.userId(), entry.email(), entry.role(), entry.inUserTable(), entry.inUserTeams(),
                    entry.hasTeamMembership(), entry.inOrganization(), entry.inAuth()));
        }
        return rows;
    }

    List<List<String>> locate(String text, Set<String> scanAnyway) {
        LocateResult result = services.locate().locate(text, scanAnyway);
        List<List<String>> rows = new ArrayList<>(presence(result.places()));
        result.entities().forEach(entity -> rows.add(strings(entity.type(), entity.id(), entity.name(), entity.organizationId())));
        return rows;
    }

    List<List<String>> key(String hash) {
        KeyResolution key = services.keys().resolve(hash).orElseThrow();
        return List.of(strings(key.tokenHash(), key.keyAlias(), key.orgId(), key.orgSource(), key.teamId(), key.userId(),
                key.userRole(), key.blocked(), key.teamBlocked(), key.expired(), key.expires(), key.orgInNemo(),
                key.orgInLiteLlm(), key.teamInNemo(), key.teamInLiteLlm()));
    }

    List<List<String>> audit() {
        List<List<String>> rows = new ArrayList<>();
        for (CheckResult result : services.audit().runAll().results()) {
            for (Finding finding : result.findings()) {
                rows.add(strings(finding.check().id(), finding.severity().id(), finding.entityType(), finding.entityId(),
                        finding.tables().toString(), finding.detail(), finding.organizationId(), finding.related().toString()));
            }
        }
        return rows;
    }

    /**
     * A team add as a dry run: the very statements a real add runs, rolled back (so --url stays read-only),
     * with the audit entries it plans.
     */
    List<List<String>> editDryRun(Targets.EditTarget target) {
        MembershipEdit edit = new MembershipEdit(MembershipEdit.Scope.TEAM, MembershipEdit.Operation.ADD, target.team(),
                List.of(target.user()), "user", false, false);
        List<List<String>> rows = new ArrayList<>();
        for (AuditEntry change : services.membership().apply(edit, true).changes()) {
            rows.add(strings(change.action(), change.tableName(), change.objectId(), change.beforeValue(),
                    change.updatedValues()));
        }
        return rows;
    }

    private static List<List<String>> presence(List<PresenceEntry> entries) {
        List<List<String>> rows = new ArrayList<>();
        for (PresenceEntry entry : entries) {
            rows.add(strings(entry.schema() + "." + entry.table() + "." + entry.column(), entry.rows()));
        }
        return rows;
    }

    private static boolean inNemo(Presence presence) {
        return presence != Presence.LITELLM_ONLY;
    }

    private static boolean inLiteLlm(Presence presence) {
        return presence != Presence.NEMO_ONLY;
    }

    private static List<String> strings(Object... values) {
        List<String> row = new ArrayList<>(values.length);
        for (Object value : values) {
            try {
                row.add(FloorJdbc.cell(value));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return row;
    }
}
