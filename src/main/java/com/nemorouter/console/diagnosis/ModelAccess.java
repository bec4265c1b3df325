package com.nemorouter.console.diagnosis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * LiteLLM's model matching for a key, team or user ({@code _can_object_call_model}): an empty list,
 * {@code *} or {@code all-proxy-models} allows every model; {@code all-team-models} defers to the team;
 * {@code no-default-models} allows none; {@code openai/*}-style wildcards match; a model alias is allowed
 * when the alias or the model it names is listed; an access group allows its models. Pure: no database.
 */
final class ModelAccess {

    static final String ALL_PROXY_MODELS = "all-proxy-models";
    static final String ALL_TEAM_MODELS = "all-team-models";
    static final String NO_DEFAULT_MODELS = "no-default-models";

    record Decision(boolean allowed, String detail) {
    }

    private ModelAccess() {
    }

    /**
     * @param listed       the object's {@code models} (null = empty)
     * @param aliases      model alias to the model it names (the team's and the key's aliases)
     * @param accessGroups access group name to its models, as far as the database knows them
     * @param teamModels   for a key: its team's models, which {@code all-team-models} stands for; null otherwise
     */
    static Decision check(String model, List<String> listed, Map<String, String> aliases,
                          Map<String, Set<String>> accessGroups, List<String> teamModels) {
        List<String> models = new ArrayList<>(listed == null ? List.of() : listed);
        boolean noDefault = models.remove(NO_DEFAULT_MODELS);
        if (models.isEmpty()) {
            return noDefault ? new Decision(false, "models is [no-default-models]: no model is allowed")
                    : new Decision(true, "models is empty: every model is allowed");
        }
        if (models.contains("*") || models.contains(ALL_PROXY_MODELS)) {
            return new Decision(true, "models contains " + (models.contains("*") ? "*" : ALL_PROXY_MODELS)
                    + ": every model is allowed");
        }
        String deferred = "";
        if (teamModels != null && models.remove(ALL_TEAM_MODELS)) {
            List<String> team = teamModels.stream().filter(entry -> !entry.equals(NO_DEFAULT_MODELS)).toList();
            if (team.isEmpty() || team.contains("*") || team.contains(ALL_PROXY_MODELS)) {
                return new Decision(true, "models contains all-team-models and the team allows every model");
            }
            models.addAll(team);
            deferred = " (all-team-models: the team's models)";
        }
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(model);
        String target = aliases.get(model);
        if (target != null) {
            candidates.add(target);
        }
        for (String entry : models) {
            for (String candidate : candidates) {
                String via = candidate.equals(model) ? "" : " (alias of " + candidate + ")";
                if (entry.equals(candidate)) {
                    return new Decision(true, model + via + " is listed" + deferred);
                }
                if (entry.contains("*") && glob(entry).matcher(candidate).matches()) {
                    return new Decision(true, model + via + " matches the wildcard " + entry + deferred);
                }
                Set<String> group = accessGroups.get(entry);
                if (group != null && group.contains(candidate)) {
                    return new Decision(true, model + via + " is in the access group " + entry + deferred);
                }
            }
        }
        return new Decision(false, model + (target == null ? "" : " (alias of " + target + ")")
                + " is not in models=" + models + deferred
                + "; entries that are access groups defined only in the proxy's config file are not visible here");
    }

    private static Pattern glob(String wildcard) {
        StringBuilder regex = new StringBuilder();
        for (String part : wildcard.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
