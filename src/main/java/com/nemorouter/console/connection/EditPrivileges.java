package com.nemorouter.console.connection;

import java.util.Optional;

/**
 * The table privileges a membership edit needs. A role without all of them gets a read-only console
 * (see {@link Connector}), so the database refuses writes instead of an edit failing on its third table.
 */
public final class EditPrivileges {

    /** Table and privilege pairs; the audit table counts only where it exists (older LiteLLM has none). */
    static final String NEEDED = """
            values ('LiteLLM_UserTable', 'INSERT'), ('LiteLLM_UserTable', 'UPDATE'),
                   ('LiteLLM_OrganizationMembership', 'INSERT'), ('LiteLLM_OrganizationMembership', 'UPDATE'),
                   ('LiteLLM_OrganizationMembership', 'DELETE'), ('LiteLLM_TeamTable', 'UPDATE'),
                   ('LiteLLM_TeamMembership', 'INSERT'), ('LiteLLM_TeamMembership', 'DELETE'),
                   ('LiteLLM_VerificationToken', 'DELETE'), ('LiteLLM_DeletedVerificationToken', 'INSERT'),
                   ('LiteLLM_AuditLog', 'INSERT')""";

    /** @param privileges e.g. {@code INSERT, UPDATE on LiteLLM_UserTable; ...}, or null when nothing lacks */
    private record Lacking(String role, String privileges) {
    }

    private EditPrivileges() {
    }

    /**
     * One read transaction on the calling (background) thread.
     *
     * @return why edits are impossible for the connected role, e.g. {@code role reader lacks INSERT on
     *         LiteLLM_UserTable, ...}, or empty when it holds every privilege
     */
    public static Optional<String> missing(Database database) {
        return database.read(em -> {
            Lacking lacking = SqlRows.select(em, """
                    select cast(current_user as text),
                           string_agg(lacking.privileges || ' on ' || lacking.name, '; ' order by lacking.name)
                    from (select v.name, string_agg(v.privilege, ', '
                                  order by array_position(array['INSERT', 'UPDATE', 'DELETE'], v.privilege)) as privileges
                          from (%s) v(name, privilege)
                          where to_regclass(quote_ident(cast(:schema as text)) || '.' || quote_ident(v.name)) is not null
                            and not has_table_privilege(
                                cast(quote_ident(cast(:schema as text)) || '.' || quote_ident(v.name) as regclass), v.privilege)
                          group by v.name) lacking
                    """.formatted(NEEDED), Lacking.class).setParameter("schema", SchemaNames.of(em).litellm()).getSingleResult();
            return lacking.privileges() == null ? Optional.empty()
                    : Optional.of("role " + lacking.role() + " lacks " + lacking.privileges());
        });
    }
}
