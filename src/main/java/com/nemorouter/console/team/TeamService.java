package com.nemorouter.console.team;

import java.util.List;

import com.nemorouter.console.connection.Database;

/** Reads a team's roster. Each method is one read transaction on the calling (background) thread. */
public final class TeamService {

    private final Database database;
    private final TeamQueries queries;

    public TeamService(Database database, TeamQueries queries) {
        this.database = database;
        this.queries = queries;
    }

    public List<RosterEntry> roster(String teamId) {
        return database.read(em -> queries.roster(em, teamId));
    }
}
