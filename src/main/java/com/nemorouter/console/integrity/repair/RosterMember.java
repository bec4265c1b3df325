package com.nemorouter.console.integrity.repair;

import com.nemorouter.console.persistence.litellm.Rosters;

import jakarta.persistence.EntityManager;

/** The precondition of the roster repairs: the user is (still) on the team's roster and is a LiteLLM user. */
final class RosterMember {

    private static final String STILL_ON_ROSTER = """
            select count(*) from {litellm}."LiteLLM_TeamTable" t
            where t.team_id = :team and %s
              and exists (select 1 from {litellm}."LiteLLM_UserTable" u where u.user_id = :user)"""
            .formatted(Rosters.includes("t", "cast(:user as text)"));

    private RosterMember() {
    }

    /** @throws IllegalArgumentException when the user is no longer on the roster */
    static void require(EntityManager em, String team, String user) {
        if (RepairSql.count(em, STILL_ON_ROSTER, RepairSql.parameters("team", team, "user", user)) == 0) {
            throw new IllegalArgumentException("User " + user + " is no longer on the roster of team " + team + ".");
        }
    }
}
