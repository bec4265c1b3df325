package com.nemorouter.console.diagnosis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nemorouter.console.connection.SqlRows;

import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

/**
 * Statement 2 of a diagnosis: the key and every row LiteLLM's proxy joins to it, each as the whole row in JSON
 * (so columns of newer versions never break the read), assembled into {@link KeyFacts}. Optional tables the
 * catalog did not find are left out of the statement.
 */
final class KeyFactsQuery {

    /**
     * The statement's one row: the database's UTC clock as text, then each row as JSON text, null when there
     * is none.
     *
     * @param endUser      {@code {"row": ..., "budget": ...}} of the end user the request names
     * @param teamAliases  the aliases of the team's {@code LiteLLM_ModelTable} row
     * @param accessGroups {@code [{"model": ..., "groups": [...]}, ...]} from {@code LiteLLM_ProxyModelTable}
     */
    private record Joined(String now, String key, String rotation, String expiredRotation, String team,
                          String membership, String memberBudget, String teamMemberDefault, String user, String org,
                          String orgBudget, String endUser, String teamAliases, String accessGroups) {
    }

    /** Jackson on first use, not at wiring: its classes are a tenth of a second of every command's start. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** One statement in the caller's transaction. */
    KeyFacts read(EntityManager em, DiagnosisRequest request, DiagnosisCatalog catalog) {
        boolean rotation = catalog.has("LiteLLM_DeprecatedVerificationToken");
        boolean endUsers = catalog.has("LiteLLM_EndUserTable");
        boolean teamAliases = catalog.has("LiteLLM_ModelTable") && catalog.has("LiteLLM_TeamTable", "model_id");
        boolean groups = catalog.has("LiteLLM_ProxyModelTable", "model_info");
        String sql = """
                with input as (select cast(:token as text) as token, timezone('utc', now()) as now_utc),
                dep as (%s),
                live as (
                    select k.* from {litellm}."LiteLLM_VerificationToken" k join input i on k.token = i.token
                    union all
                    select k.* from {litellm}."LiteLLM_VerificationToken" k
                    join dep d on k.token = d.active_token_id and d.revoke_at > (select now_utc from input)
                    where not exists (select 1 from {litellm}."LiteLLM_VerificationToken" x join input i on x.token = i.token)
                    limit 1)
                select cast(i.now_utc as text),
                       cast(case when k.token is null then null else to_jsonb(k) end as text),
                       (select cast(to_jsonb(d) as text) from dep d where k.token is not null and d.active_token_id = k.token
                            and k.token <> i.token limit 1),
                       (select cast(to_jsonb(d) as text) from dep d where k.token is null limit 1),
                       cast(case when t.team_id is null then null else to_jsonb(t) end as text),
                       cast(case when m.user_id is null then null else to_jsonb(m) end as text),
                       cast(case when mb.budget_id is null then null else to_jsonb(mb) end as text),
                       cast(case when tb.budget_id is null then null else to_jsonb(tb) end as text),
                       cast(case when u.user_id is null then null else to_jsonb(u) end as text),
                       cast(case when o.organization_id is null then null else to_jsonb(o) end as text),
                       cast(case when ob.budget_id is null then null else to_jsonb(ob) end as text),
                       %s,
                       %s,
                       %s
                from input i
                left join live k on true
                left join {litellm}."LiteLLM_TeamTable" t on t.team_id = k.team_id
                left join {litellm}."LiteLLM_TeamMembership" m on m.team_id = k.team_id and m.user_id = k.user_id
                left join {litellm}."LiteLLM_BudgetTable" mb on mb.budget_id = m.budget_id
                left join {litellm}."LiteLLM_BudgetTable" tb on tb.budget_id = t.metadata ->> 'team_member_budget_id'
                left join {litellm}."LiteLLM_UserTable" u on u.user_id = k.user_id
                left join {litellm}."LiteLLM_OrganizationTable" o on o.organization_id = coalesce(t.organization_id, k.organization_id)
                left join {litellm}."LiteLLM_BudgetTable" ob on ob.budget_id = o.budget_id
                """.formatted(
                rotation ? "select d.* from {litellm}.\"LiteLLM_DeprecatedVerificationToken\" d join input i on d.token = i.token"
                        : "select cast(null as text) as token, cast(null as text) as active_token_id, "
                        + "cast(null as timestamp) as revoke_at where false",
                endUsers ? """
                        (select cast(jsonb_build_object('row', to_jsonb(e), 'budget', to_jsonb(eb)) as text)
                         from {litellm}."LiteLLM_EndUserTable" e
                         left join {litellm}."LiteLLM_BudgetTable" eb on eb.budget_id = e.budget_id
                         where e.user_id = cast(:end_user as text))""" : "cast(null as text)",
                teamAliases ? """
                        (select cast(mt.aliases as text) from {litellm}."LiteLLM_ModelTable" mt where mt.id = t.model_id)"""
                        : "cast(null as text)",
                groups ? """
                        (select cast(jsonb_agg(jsonb_build_object('model', p.model_name, 'groups', p.model_info -> 'access_groups')) as text)
                         from {litellm}."LiteLLM_ProxyModelTable" p where jsonb_typeof(p.model_info -> 'access_groups') = 'array')"""
                        : "cast(null as text)");
        NativeQuery<Joined> query = SqlRows.select(em, sql, Joined.class).setParameter("token", request.tokenHash());
        if (endUsers) {
            query.setParameter("end_user", request.endUser() == null ? "" : request.endUser());
        }
        Joined row = query.getSingleResult();
        JsonNode key = parse(row.key());
        JsonNode endUser = parse(row.endUser());
        Map<String, String> aliases = new LinkedHashMap<>();
        addAliases(aliases, parse(row.teamAliases()));
        if (key != null) {
            addAliases(aliases, key.get("aliases"));
        }
        Map<String, Set<String>> accessGroups = new HashMap<>();
        JsonNode models = parse(row.accessGroups());
        if (models != null) {
            for (JsonNode model : models) {
                for (JsonNode group : model.path("groups")) {
                    accessGroups.computeIfAbsent(group.asText(), name -> new HashSet<>()).add(model.path("model").asText());
                }
            }
        }
        return new KeyFacts(request.tokenHash(), key, parse(row.rotation()), parse(row.expiredRotation()),
                parse(row.team()), parse(row.membership()), parse(row.memberBudget()), parse(row.teamMemberDefault()),
                parse(row.user()), parse(row.org()), parse(row.orgBudget()),
                endUser == null || endUser.path("row").isNull() ? null : endUser.get("row"),
                endUser == null || endUser.path("budget").isNull() ? null : endUser.get("budget"), endUsers, aliases,
                accessGroups, KeyChecks.parseTime(row.now()));
    }

    private static void addAliases(Map<String, String> aliases, JsonNode node) {
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (entry.getValue().isTextual()) {
                    aliases.putIfAbsent(entry.getKey(), entry.getValue().asText());
                }
            }
        }
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The database returned a row that is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
