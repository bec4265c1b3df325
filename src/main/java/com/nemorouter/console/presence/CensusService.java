package com.nemorouter.console.presence;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.SqlRows;

/** Counts tenants across both schemas. One read transaction, one statement, on a background thread. */
public final class CensusService {

    private final Database database;

    public CensusService(Database database) {
        this.database = database;
    }

    public Census census() {
        return database.read(em -> {
            // The six counts in the order of Census's components, mapped into it by Hibernate.
            return SqlRows.select(em, """
                    with orgs as (
                        select n.organization_id is null or l.organization_id is null as one_side
                        from {nemo}.organizations n
                        full join {litellm}."LiteLLM_OrganizationTable" l on l.organization_id = n.organization_id::text
                    ), teams as (
                        select n.team_id is null or l.team_id is null as one_side
                        from {nemo}.teams n
                        full join {litellm}."LiteLLM_TeamTable" l on l.team_id = n.team_id::text
                    ), users as (
                        select a.id is null or u.user_id is null as one_side
                        from {auth}.users a
                        full join {litellm}."LiteLLM_UserTable" u on u.user_id = a.id::text
                    )
                    select (select count(*) from orgs), (select count(*) filter (where one_side) from orgs),
                           (select count(*) from teams), (select count(*) filter (where one_side) from teams),
                           (select count(*) from users), (select count(*) filter (where one_side) from users)
                    """, Census.class).getSingleResult();
        });
    }
}
