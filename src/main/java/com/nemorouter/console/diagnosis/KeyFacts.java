package com.nemorouter.console.diagnosis;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rows LiteLLM's proxy reads to authenticate a key, each as the whole row (so unknown columns of newer
 * versions never break the read), null when there is none. Read in one statement by {@link KeyFactsQuery}.
 *
 * @param key                 the live key row (the replacement when the key was rotated)
 * @param rotation            the {@code LiteLLM_DeprecatedVerificationToken} row the key was found through, if any
 * @param expiredRotation     a deprecated row for the key whose grace period is over (and no live key)
 * @param memberBudget        the budget row of the key's team membership
 * @param teamMemberDefault   the team's default member budget ({@code metadata.team_member_budget_id})
 * @param endUserTableExists  false on LiteLLM versions without {@code LiteLLM_EndUserTable}
 * @param aliases             model aliases of the key and its team (alias to model)
 * @param accessGroups        access groups known to the database (group to models)
 * @param now                 the database's clock in UTC, which LiteLLM's timestamps use
 */
record KeyFacts(String tokenHash, JsonNode key, JsonNode rotation, JsonNode expiredRotation, JsonNode team,
                JsonNode membership, JsonNode memberBudget, JsonNode teamMemberDefault, JsonNode user, JsonNode org,
                JsonNode orgBudget, JsonNode endUser, JsonNode endUserBudget, boolean endUserTableExists,
                Map<String, String> aliases, Map<String, Set<String>> accessGroups, LocalDateTime now) {
}
