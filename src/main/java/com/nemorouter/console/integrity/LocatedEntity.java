package com.nemorouter.console.integrity;

/**
 * An organization, team or user that a located id names, with what the browser needs to open it.
 *
 * @param type           organization, team or user
 * @param name           the nemo name, LiteLLM alias or email; may be null
 * @param organizationId the organization to open for it (a team's or a user's first organization), or null
 */
public record LocatedEntity(String type, String id, String name, String organizationId) {

    public String label() {
        return type + " " + (name == null || name.isBlank() ? id : name + " (" + id + ")");
    }
}
