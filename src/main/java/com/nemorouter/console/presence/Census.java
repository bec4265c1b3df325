package com.nemorouter.console.presence;

/**
 * How many organizations, teams and users exist, each counted once across both schemas (by exact id),
 * with how many of them are present on only one side.
 */
public record Census(long organizations, long organizationsOnOneSide, long teams, long teamsOnOneSide,
                     long users, long usersOnOneSide) {

    /** The line {@code check} prints; scripts grep for it. */
    public String readyLine() {
        return "ready: " + organizations + " organizations, " + teams + " teams, " + users + " users";
    }
}
