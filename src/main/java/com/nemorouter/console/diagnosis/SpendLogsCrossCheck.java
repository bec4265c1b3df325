package com.nemorouter.console.diagnosis;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import com.nemorouter.console.connection.SqlRows;

import jakarta.persistence.EntityManager;

/**
 * Statement 3 of a diagnosis: the last 24 hours of {@code LiteLLM_SpendLogs} for the key, its team, user and
 * organization (a range on the indexed {@code "startTime"}), and the key's latest entry: over all time when
 * the table is small or indexed on api_key, else within the 24 hours.
 *
 * @param byScope spend of the last 24 hours by {@code key}, {@code team}, {@code user} and {@code organization}
 *                (only the scopes the key has)
 */
record SpendLogsCrossCheck(SpendLogSummary summary, Map<String, Double> byScope) {

    /** The statement's one row; the {@code latest} columns are null when the key has no entry. */
    private record Totals(long keyRequests, double keySpend, double teamSpend, double userSpend, double orgSpend,
                          String latestRequestId, String latestStartTime, String latestModel, String latestStatus,
                          Double latestSpend) {
    }

    /** One statement in the caller's transaction; {@code team}, {@code user} and {@code org} may be null. */
    static SpendLogsCrossCheck read(EntityManager em, String token, String team, String user, String org,
                                    LocalDateTime now, boolean allTime) {
        Totals row = SqlRows.select(em, """
                with recent as (
                    select s.api_key, s.team_id, s."user", s.organization_id, s.spend
                    from {litellm}."LiteLLM_SpendLogs" s
                    where s."startTime" >= cast(:since as timestamp)
                      and (s.api_key = :token or s.team_id = :team or s."user" = :user or s.organization_id = :org)),
                latest as (
                    select s.request_id, s."startTime", s.model, s.status, s.spend
                    from {litellm}."LiteLLM_SpendLogs" s
                    where s.api_key = :token and (:all_time or s."startTime" >= cast(:since as timestamp))
                    order by s."startTime" desc limit 1)
                select (select count(*) from recent r where r.api_key = :token),
                       (select coalesce(sum(r.spend), 0) from recent r where r.api_key = :token),
                       (select coalesce(sum(r.spend), 0) from recent r where r.team_id = :team),
                       (select coalesce(sum(r.spend), 0) from recent r where r."user" = :user),
                       (select coalesce(sum(r.spend), 0) from recent r where r.organization_id = :org),
                       l.request_id, cast(l."startTime" as text), l.model, l.status, l.spend
                from (select 1) one left join latest l on true""", Totals.class)
                .setParameter("since", Timestamp.valueOf(now.minusHours(24)).toString())
                .setParameter("token", token)
                .setParameter("team", team == null ? "" : team)
                .setParameter("user", user == null ? "" : user)
                .setParameter("org", org == null ? "" : org)
                .setParameter("all_time", allTime)
                .getSingleResult();
        Map<String, Double> byScope = new HashMap<>();
        byScope.put("key", row.keySpend());
        if (team != null) {
            byScope.put("team", row.teamSpend());
        }
        if (user != null) {
            byScope.put("user", row.userSpend());
        }
        if (org != null) {
            byScope.put("organization", row.orgSpend());
        }
        SpendLogSummary summary = new SpendLogSummary(null, row.keyRequests(), row.keySpend(), row.latestRequestId(),
                KeyChecks.parseTime(row.latestStartTime()), row.latestModel(), row.latestStatus(), row.latestSpend(),
                allTime ? "all time" : "last 24 h");
        return new SpendLogsCrossCheck(summary, byScope);
    }
}
