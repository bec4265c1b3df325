package com.nemorouter.console.wiring;

import com.nemorouter.console.audit.AuditTrail;
import com.nemorouter.console.audit.HistoryService;
import com.nemorouter.console.connection.ConnectionService;
import com.nemorouter.console.connection.Connector;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.SchemaNames;
import com.nemorouter.console.connection.SchemaReport;
import com.nemorouter.console.diagnosis.KeyDiagnosisService;
import com.nemorouter.console.diagnosis.KeyFixService;
import com.nemorouter.console.integrity.AuditService;
import com.nemorouter.console.integrity.KeyService;
import com.nemorouter.console.integrity.LocateService;
import com.nemorouter.console.integrity.RepairService;
import com.nemorouter.console.member.MemberQueries;
import com.nemorouter.console.member.MemberService;
import com.nemorouter.console.membership.MembershipService;
import com.nemorouter.console.membership.RosterLocks;
import com.nemorouter.console.membership.UserSearchService;
import com.nemorouter.console.organization.OrganizationService;
import com.nemorouter.console.presence.CensusService;
import com.nemorouter.console.presence.PresenceQuery;
import com.nemorouter.console.spend.SpendService;
import com.nemorouter.console.team.TeamQueries;
import com.nemorouter.console.team.TeamService;

/**
 * The services of one connection, wired once. The GUI and the command line both start here, so
 * they read through exactly the same code.
 */
public record ConsoleServices(Database database, OrganizationService organizations, TeamService teams,
                              MemberService members, CensusService census, ConnectionService connection,
                              LocateService locate, KeyService keys, AuditService audit, RepairService repairs,
                              MembershipService membership, HistoryService history,
                              UserSearchService userSearch, KeyDiagnosisService diagnosis,
                              KeyFixService keyFixes, SpendService spend) {

    /**
     * What the schema check found when the connection opened (features, row security), so that the window
     * can show it without holding the {@link Database} itself.
     */
    public SchemaReport schemaReport() {
        return database.schemaReport();
    }

    /**
     * The services of a connection the {@link Connector} opened, as the window and every command wire them:
     * the key diagnosis assumes the profile's "LiteLLM version" when it names one.
     *
     * @param home where the audit trail falls back to a local file when LiteLLM_AuditLog is missing
     */
    public static ConsoleServices wire(Connector.OpenConnection connection, ConsoleHome home) {
        return wire(connection.database(), home,
                connection.profile() == null ? null : connection.profile().liteLlmVersion());
    }

    /** Wires with the system's console home (tests and callers without a home of their own). */
    public static ConsoleServices wire(Database database) {
        return wire(database, ConsoleHome.fromSystem());
    }

    /** @param home where the audit trail falls back to a local file when LiteLLM_AuditLog is missing */
    public static ConsoleServices wire(Database database, ConsoleHome home) {
        return wire(database, home, null);
    }

    /**
     * @param liteLlmVersion the profile's "LiteLLM version" that the key diagnosis assumes; null or empty to infer
     *                       it from the schema
     */
    public static ConsoleServices wire(Database database, ConsoleHome home, String liteLlmVersion) {
        AuditTrail audit = AuditTrail.forThisMachine(home).as(database.settings().auditAs());
        RosterLocks locks = new RosterLocks();
        SchemaNames schemas = database.target().schemas();
        PresenceQuery presence = new PresenceQuery(PresenceQuery.DEFAULT_UNINDEXED_SCAN_LIMIT,
                schemas.nemo(), schemas.auth(), schemas.litellm(), database.schemaReport().rowSecurity());
        TeamQueries teamQueries = new TeamQueries();
        KeyDiagnosisService diagnosis = new KeyDiagnosisService(database, liteLlmVersion);
        return new ConsoleServices(database,
                new OrganizationService(database, presence, teamQueries, new MemberQueries()),
                new TeamService(database, teamQueries),
                new MemberService(database, presence),
                new CensusService(database),
                new ConnectionService(database),
                new LocateService(database, presence),
                new KeyService(database),
                new AuditService(database),
                new RepairService(database, audit, locks),
                new MembershipService(database, locks, audit),
                new HistoryService(database, audit),
                new UserSearchService(database),
                diagnosis,
                new KeyFixService(database, audit, diagnosis),
                new SpendService(database));
    }
}
