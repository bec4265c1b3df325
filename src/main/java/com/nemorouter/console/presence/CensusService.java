package com.nemorouter.console.presence;

import java.sql.ResultSet;
import java.sql.Statement;

import com.nemorouter.console.connection.Database;

/**
 * Counts tenants across both schemas. One read transaction, one statement, on a background thread; plain
 * JDBC ({@link Database#readJdbc}), so {@code check} never starts Hibernate.
 */
public final class CensusService {

    private final Database database;

    public CensusService(Database database) {
        this.database = database;
    }

    public Census census() {
        return database.readJdbc(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(database.sql("""
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
                    """))) {
                row.next();
                return new Census(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                        row.getLong(6));
            }
        });
    }
}
