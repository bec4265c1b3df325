package com.nemorouter.console.integrity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.SqlRows;
import com.nemorouter.console.presence.Ids;
import com.nemorouter.console.presence.PresenceEntry;
import com.nemorouter.console.presence.PresenceQuery;

import jakarta.persistence.EntityManager;


/**
 * "Where is this id?": every table in nemo, auth and LiteLLM's public schema that refers to an id, found
 * from the catalog by {@link PresenceQuery}, plus the entities it names. Each method is one read-only
 * transaction on a background thread (never the FX thread), stopped on the server when the request it runs
 * for is cancelled.
 */
public final class LocateService {

    /** What the user is told when the input cannot be an id. */
    public static final String VALID_ID_HINT = "a UUID such as 550e8400-e29b-41d4-a716-446655440000 "
            + "(any letter case, hyphens optional, braces allowed), a LiteLLM user id or an email";

    /** Hex digits with hyphens or braces: an attempt at a UUID, so it must be one. */
    private static final Pattern UUID_ATTEMPT = Pattern.compile("[{]?[0-9a-fA-F]+(-[0-9a-fA-F]+)+[}]?|[{][0-9a-fA-F-]*[}]?");
    private static final int MAX_LENGTH = 320;

    private final Database database;
    private final PresenceQuery presenceQuery;

    public LocateService(Database database, PresenceQuery presenceQuery) {
        this.database = database;
        this.presenceQuery = presenceQuery;
    }

    /**
     * Checks the input without touching the database.
     *
     * @throws IllegalArgumentException saying what a valid id looks like
     */
    public static String validate(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Enter an id: " + VALID_ID_HINT + ".");
        }
        if (text.length() > MAX_LENGTH || text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not an id: expected " + VALID_ID_HINT + ".");
        }
        if (Ids.asUuid(text).isEmpty() && UUID_ATTEMPT.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a valid UUID: expected 32 hex digits, as in "
                    + "550e8400-e29b-41d4-a716-446655440000 (any letter case, hyphens optional, braces allowed).");
        }
        return text;
    }

    /**
     * Locates {@code input}: the catalog (first use only), one counting statement over every candidate
     * column and one statement for the named entities.
     *
     * @param scanAnyway {@code schema.table.column} of large unindexed columns to scan this time
     * @throws IllegalArgumentException for input that cannot be an id (see {@link #validate})
     */
    public LocateResult locate(String input, Set<String> scanAnyway) {
        String text = validate(input);
        Optional<UUID> uuid = Ids.asUuid(text);
        LocateResult.Kind kind = uuid.isPresent() ? LocateResult.Kind.UUID
                : Ids.isSha256Hex(text) ? LocateResult.Kind.KEY_HASH : LocateResult.Kind.TEXT;
        String searchedAs = uuid.map(UUID::toString)
                .orElse(kind == LocateResult.Kind.KEY_HASH ? text.toLowerCase(Locale.ROOT) : text);
        return database.read(em -> {
            List<PresenceEntry> places = presenceQuery.locate(em, text, scanAnyway);
            List<LocatedEntity> entities = kind == LocateResult.Kind.KEY_HASH ? List.of()
                    : entities(em, searchedAs, uuid.map(UUID::toString).orElse(null));
            return new LocateResult(input, searchedAs, kind, places, entities);
        });
    }

    /** One row of the entities statement, built by Hibernate from its columns in order. */
    record EntityRow(String type, String id, String name, String organizationId, Integer source) {
    }

    private static List<LocatedEntity> entities(EntityManager em, String id, String uuid) {
        List<EntityRow> rows = SqlRows.select(em, """
                select 'organization', n.organization_id::text, n.name, n.organization_id::text, 1
                from {nemo}.organizations n where n.organization_id = cast(:uuid as uuid)
                union all
                select 'organization', l.organization_id, l.organization_alias, l.organization_id, 2
                from {litellm}."LiteLLM_OrganizationTable" l where l.organization_id in (cast(:uuid as text), cast(:upper as text))
                union all
                select 'team', n.team_id::text, n.name, n.organization_id::text, 3
                from {nemo}.teams n where n.team_id = cast(:uuid as uuid)
                union all
                select 'team', t.team_id, t.team_alias, t.organization_id, 4
                from {litellm}."LiteLLM_TeamTable" t where t.team_id in (cast(:uuid as text), cast(:upper as text))
                union all
                select 'user', a.id::text, a.email,
                       (select min(m.organization_id) from {litellm}."LiteLLM_OrganizationMembership" m
                        where m.user_id = a.id::text), 5
                from {auth}.users a where a.id = cast(:uuid as uuid) or lower(a.email) = lower(cast(:id as text))
                union all
                select 'user', u.user_id, u.user_email,
                       (select min(m.organization_id) from {litellm}."LiteLLM_OrganizationMembership" m
                        where m.user_id = u.user_id), 6
                from {litellm}."LiteLLM_UserTable" u
                where u.user_id in (cast(:id as text), cast(:upper as text)) or lower(u.user_email) = lower(cast(:id as text))
                order by 5, 2
                limit 100
                """, EntityRow.class)
                .setParameter("id", id)
                .setParameter("uuid", uuid)
                .setParameter("upper", uuid == null ? null : uuid.toUpperCase(Locale.ROOT))
                .getResultList();
        Map<String, LocatedEntity> entities = new LinkedHashMap<>();
        for (EntityRow row : rows) {
            String key = row.type() + " " + row.id();
            LocatedEntity seen = entities.get(key);
            // Both sides may name the entity: the first that has a name (nemo, auth) wins, and likewise the organization.
            String name = seen != null && seen.name() != null ? seen.name() : row.name();
            String organization = seen != null && seen.organizationId() != null ? seen.organizationId() : row.organizationId();
            entities.put(key, new LocatedEntity(row.type(), row.id(), name, organization));
        }
        return new ArrayList<>(entities.values());
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
